import Link from "next/link";
import { LocalTime } from "@/components/memory/local-time";
import { OperationBadge } from "@/components/memory/operation-badge";
import type { MemoryEvent } from "@/lib/memory/schemas";

/** One audit event as a list item: when, what, before → after, and how it was decided. */
export function MemoryEventRow({
  event,
  highlight = false,
  linkMemory = true,
}: {
  event: MemoryEvent;
  highlight?: boolean;
  /** Off on the memory's own page, where the link would point at itself. */
  linkMemory?: boolean;
}) {
  return (
    <li
      data-testid="activity-event"
      data-operation={event.operation}
      aria-label={`${event.operation} event`}
      className={`rounded-lg border p-3 transition-colors ${highlight ? "border-indigo-300 bg-indigo-50" : "border-zinc-200 bg-white"}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600">
        <OperationBadge operation={event.operation} />
        <LocalTime iso={event.createdAt} />
        {event.extractionType ? <span>extraction: {event.extractionType.replace("_", " ")}</span> : null}
        {event.confidence !== null ? <span>confidence {event.confidence.toFixed(2)}</span> : null}
        {event.processingTimeMs !== null ? <span>{event.processingTimeMs} ms</span> : null}
      </div>
      <div className="mt-2 flex flex-col gap-1 text-sm sm:flex-row sm:items-start sm:gap-2">
        {event.beforeContent !== null ? (
          <p className="text-zinc-500 line-through decoration-zinc-400">
            <span className="sr-only">Before: </span>
            {event.beforeContent}
          </p>
        ) : null}
        {event.beforeContent !== null && event.afterContent !== null ? (
          <span aria-hidden className="text-zinc-400">
            →
          </span>
        ) : null}
        {event.afterContent !== null ? (
          <p className="text-zinc-900">
            <span className="sr-only">After: </span>
            {event.afterContent}
          </p>
        ) : null}
      </div>
      {linkMemory && event.memoryItemId ? (
        <Link href={`/memories/${event.memoryItemId}`} className="mt-1 inline-block text-xs text-indigo-700 underline">
          View memory
        </Link>
      ) : null}
    </li>
  );
}
