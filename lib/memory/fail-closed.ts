import "server-only";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { JobAlreadyDoneError } from "@/lib/jobs/job-already-done-error";
import type { MemoryWriteResponse } from "@/lib/memory/schemas";

/**
 * Turns an unexpected error during a write into a `failed` response after logging it with the
 * correlation id: the transaction has already rolled back, so nothing half-written remains,
 * and the chat carries on. AppErrors (not found, conflict) are the caller's to handle and
 * propagate, as does the worker's JobAlreadyDoneError.
 */
export function failClosed(options: {
  error: unknown;
  operation: string;
  userId: string;
  correlationId: string;
}): MemoryWriteResponse {
  const { error, operation, userId, correlationId } = options;
  if (error instanceof AppError || error instanceof JobAlreadyDoneError) throw error;
  log.error("memory write failed", { operation, userId, correlationId, error });
  return { action: "failed", message: "The memory could not be saved; nothing was changed." };
}
