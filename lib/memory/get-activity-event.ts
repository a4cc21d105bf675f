import "server-only";
import { getDb } from "@/lib/db/client";
import { selectEvent } from "@/lib/db/memory-events-sql";
import { AppError } from "@/lib/errors";
import type { MemoryEvent } from "@/lib/memory/schemas";

/** One of the user's own write events; another user's is not_found. */
export async function getActivityEvent(options: { userId: string; eventId: string }): Promise<MemoryEvent> {
  const event = await selectEvent(getDb(), { userId: options.userId, id: options.eventId });
  if (!event) throw new AppError("not_found", "That event does not exist.");
  const { userEmail: _userEmail, ...rest } = event;
  return rest;
}
