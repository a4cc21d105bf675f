"use client";

import Link from "next/link";
import { DeleteMemoryButton } from "@/components/memory/delete-memory-button";
import { EditMemoryForm } from "@/components/memory/edit-memory-form";
import { EraseMemoryButton } from "@/components/memory/erase-memory-button";
import { MemoryExpiryForm } from "@/components/memory/memory-expiry-form";
import { LocalTime } from "@/components/memory/local-time";
import { MemoryEventRow } from "@/components/memory/memory-event-row";
import { StatusBadge } from "@/components/memory/status-badge";
import { useMemoryDetail } from "@/hooks/use-memory-detail";
import type { ChainLink, MemoryDetail } from "@/lib/memory/view-schemas";

function Chain({ title, links, empty }: { title: string; links: ChainLink[]; empty: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-zinc-800">{title}</h3>
      {links.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-500">{empty}</p>
      ) : (
        <ol className="mt-1 flex flex-col gap-1">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge status={l.status} />
              <Link href={`/memories/${l.id}`} className="text-indigo-700 underline">
                {l.content}
              </Link>
              <LocalTime iso={l.createdAt} className="text-xs text-zinc-500" />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * The memory detail page's body: what, why it was saved, its versions, and its history. It
 * follows the memory after the page rendered (a delete here, a write elsewhere).
 */
export function MemoryDetailView({ initial }: { initial: MemoryDetail }) {
  const detail = useMemoryDetail({ memoryId: initial.memory.id, fallback: initial });
  const { memory, source } = detail;
  const deletable = memory.status === "active" || memory.status === "pending";
  return (
    <article aria-labelledby="memory-content" className="flex flex-col gap-5">
      <section className="rounded-lg border border-zinc-200 bg-white p-4">
        <p id="memory-content" className="text-lg font-medium text-zinc-900">
          {memory.content}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-zinc-500">Status</dt>
            <dd>
              <StatusBadge status={memory.status} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Type</dt>
            <dd>{memory.type}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Confidence</dt>
            <dd>{memory.confidence.toFixed(2)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Importance</dt>
            <dd>{memory.importance.toFixed(2)}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-zinc-500">Saved</dt>
            <dd>
              <LocalTime iso={memory.createdAt} />
            </dd>
          </div>
          {memory.deletedAt ? (
            <div className="col-span-2">
              <dt className="text-zinc-500">Deleted</dt>
              <dd>
                <LocalTime iso={memory.deletedAt} />
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-4 flex flex-wrap items-start gap-2">
          {/* Keyed by the memory: after an edit the page shows the new version with a fresh form. */}
          {memory.status === "active" ? <EditMemoryForm key={memory.id} memoryId={memory.id} content={memory.content} type={memory.type} /> : null}
          {deletable ? <DeleteMemoryButton memoryId={memory.id} content={memory.content} /> : null}
          <EraseMemoryButton memoryId={memory.id} content={memory.content} />
        </div>
      </section>

      <section aria-labelledby="expiry-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="expiry-heading" className="text-base font-semibold">
          Expiry
        </h2>
        <div className="mt-2">
          {deletable ? (
            <MemoryExpiryForm memoryId={memory.id} expiresAt={detail.expiresAt} />
          ) : (
            <p className="text-sm text-zinc-700" data-testid="memory-expiry">
              {detail.expiresAt ? (
                <>
                  {memory.status === "expired" ? "Expired" : "Expires"} <LocalTime iso={detail.expiresAt} />
                </>
              ) : (
                "Never expires."
              )}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="why-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="why-heading" className="text-base font-semibold">
          Why was this saved?
        </h2>
        {source ? (
          <div className="mt-2 flex flex-col gap-2 text-sm">
            <p>
              From the conversation{" "}
              <Link href={`/c/${source.conversationId}`} className="font-medium text-indigo-700 underline">
                {source.conversationTitle ?? "Untitled chat"}
              </Link>
              {source.messageAt ? (
                <>
                  {" "}
                  on <LocalTime iso={source.messageAt} />
                </>
              ) : null}
              .
            </p>
            {source.messageId ? (
              <figure className="rounded-md border-l-4 border-indigo-300 bg-indigo-50 px-3 py-2">
                {source.messageText ? <blockquote className="text-zinc-800">“{source.messageText}”</blockquote> : null}
                <figcaption className="mt-1">
                  <Link href={`/c/${source.conversationId}#m-${source.messageId}`} className="text-indigo-700 underline">
                    Open the source message in the chat
                  </Link>
                </figcaption>
              </figure>
            ) : (
              <p className="text-zinc-500">The message it came from is no longer available.</p>
            )}
          </div>
        ) : (
          <p className="mt-2 text-sm text-zinc-500">
            {memory.sourceConversationId
              ? "The conversation it came from has been deleted."
              : "It was not tied to a chat message (for example, it replaced an older memory or was summarised from a conversation)."}
          </p>
        )}
      </section>

      <section aria-labelledby="versions-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="versions-heading" className="text-base font-semibold">
          Versions
        </h2>
        <Chain title="Replaced older versions" links={detail.predecessors} empty="None: this is the first version." />
        <Chain title="Replaced by newer versions" links={detail.successors} empty="None: nothing has replaced it." />
      </section>

      <section aria-labelledby="usage-heading" data-testid="memory-usage" className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="usage-heading" className="text-base font-semibold">
          Used in {detail.usage.total} {detail.usage.total === 1 ? "answer" : "answers"}
        </h2>
        {detail.usage.total === 0 ? (
          <p className="text-sm text-zinc-500">Not recalled into an answer yet.</p>
        ) : (
          <ol aria-label="Answers that used this memory" className="flex flex-col gap-1 text-sm">
            {detail.usage.answers.map((a) => (
              <li key={a.messageId} className="flex items-baseline justify-between gap-3">
                <Link href={`/c/${a.conversationId}#m-${a.messageId}`} className="truncate text-indigo-700 hover:underline">
                  {a.conversationTitle ?? "Untitled conversation"}
                </Link>
                <LocalTime iso={a.at} className="shrink-0 text-xs text-zinc-500" />
              </li>
            ))}
            {detail.usage.total > detail.usage.answers.length ? (
              <li className="text-xs text-zinc-500">…and {detail.usage.total - detail.usage.answers.length} earlier</li>
            ) : null}
          </ol>
        )}
      </section>

      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-base font-semibold">
          History
        </h2>
        {detail.history.length === 0 ? (
          <p className="text-sm text-zinc-500">No recorded writes.</p>
        ) : (
          <ol aria-label="Audit history" className="flex flex-col gap-2">
            {detail.history.map((e) => (
              <MemoryEventRow key={e.id} event={e} linkMemory={e.memoryItemId !== memory.id} />
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
