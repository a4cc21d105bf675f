"use client";

import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { ContentDiff } from "@/components/admin/content-diff";
import { LocalTime } from "@/components/memory/local-time";
import { OperationBadge } from "@/components/memory/operation-badge";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { AuditPageSchema, type AuditEvent } from "@/lib/memory/view-schemas";

function EventDetail({ event }: { event: AuditEvent }) {
  const rows: [string, string | null][] = [
    ["Event id", event.id],
    ["Sequence", event.seq],
    ["User", `${event.userEmail ?? "?"} (${event.userId})`],
    ["Memory id", event.memoryItemId],
    ["Correlation id", event.correlationId],
    ["Extraction type", event.extractionType],
    ["Confidence", event.confidence === null ? null : event.confidence.toFixed(3)],
    ["Processing time", event.processingTimeMs === null ? null : `${event.processingTimeMs} ms`],
  ];
  return (
    <div data-testid="audit-event-detail" className="flex flex-col gap-3 bg-zinc-50 p-3">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt className="text-zinc-500">{k}</dt>
            <dd className="break-all font-mono text-xs leading-5 text-zinc-900">{v ?? "—"}</dd>
          </Fragment>
        ))}
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Before → after</h3>
        <ContentDiff before={event.beforeContent} after={event.afterContent} />
      </div>
    </div>
  );
}

function auditPageUrl(query: string, cursor: string): string {
  const params = new URLSearchParams(query);
  params.set("cursor", cursor);
  return `/api/admin/audit?${params}`;
}

/**
 * The audit table: newest first, "Load more" follows the keyset cursor (never an OFFSET, so a
 * deep page costs the same as the first), each row expands to its detail and diff.
 */
export function AuditLog({ initial, initialCursor, query }: { initial: AuditEvent[]; initialCursor: string | null; query: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const more = useKeysetPages({
    firstCursor: initialCursor,
    pageUrl: (cursor) => auditPageUrl(query, cursor),
    schema: AuditPageSchema,
  });
  const events = [...initial, ...more.items];

  if (events.length === 0) {
    return <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">No events match these filters.</p>;
  }

  return (
    <div className="flex flex-col gap-3">
      {/* relative: the sr-only (absolute) header text must scroll with the table, not widen the page */}
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Memory write events, newest first</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600">
            <tr>
              <th scope="col" className="px-3 py-2">Time</th>
              <th scope="col" className="px-3 py-2">User</th>
              <th scope="col" className="px-3 py-2">Operation</th>
              <th scope="col" className="hidden px-3 py-2 md:table-cell">Extraction</th>
              <th scope="col" className="hidden px-3 py-2 lg:table-cell">Content</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <Fragment key={e.id}>
                <tr data-testid="audit-row" data-operation={e.operation} className="border-t border-zinc-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2 text-xs text-zinc-600">
                    <LocalTime iso={e.createdAt} />
                  </td>
                  <td className="max-w-40 truncate px-3 py-2" title={e.userEmail ?? e.userId}>
                    {e.userEmail ?? e.userId}
                  </td>
                  <td className="px-3 py-2">
                    <OperationBadge operation={e.operation} />
                  </td>
                  <td className="hidden px-3 py-2 text-zinc-700 md:table-cell">{e.extractionType ?? "—"}</td>
                  <td className="hidden max-w-md truncate px-3 py-2 text-zinc-800 lg:table-cell">{e.afterContent ?? e.beforeContent ?? "—"}</td>
                  <td className="px-3 py-2 text-right">
                    <Button variant="ghost" aria-expanded={open === e.id} aria-controls={`detail-${e.id}`} onClick={() => setOpen(open === e.id ? null : e.id)}>
                      {open === e.id ? "Hide" : "Details"}
                    </Button>
                  </td>
                </tr>
                {open === e.id ? (
                  <tr id={`detail-${e.id}`}>
                    <td colSpan={6}>
                      <EventDetail event={e} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {more.error && !more.loading ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load more events. Try again.
        </p>
      ) : null}
      {more.nextCursor ? (
        <Button variant="secondary" onClick={more.loadMore} disabled={more.loading} className="self-center">
          {more.loading ? "Loading…" : "Load more"}
        </Button>
      ) : (
        <p className="text-center text-xs text-zinc-500">End of the log for these filters.</p>
      )}
    </div>
  );
}
