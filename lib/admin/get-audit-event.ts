import "server-only";
import { getDb } from "@/lib/db/client";
import { selectEvent } from "@/lib/db/memory-events-sql";
import { AppError } from "@/lib/errors";
import type { AuditEvent } from "@/lib/memory/view-schemas";

/** Any user's event with its owner's email, for the audit log's detail view (admins only). */
export async function getAuditEvent(options: { eventId: string }): Promise<AuditEvent> {
  const event = await selectEvent(getDb(), { userId: null, id: options.eventId });
  if (!event) throw new AppError("not_found", "That event does not exist.");
  return event;
}
