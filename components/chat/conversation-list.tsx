"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useConversations, type ConversationListItem } from "@/hooks/use-conversations";

export function ConversationList({ conversations: initial }: { conversations: ConversationListItem[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const { conversations, rename: renameConversation, remove: removeConversation } = useConversations({ fallback: initial });
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function rename(id: string, title: string) {
    setEditing(null);
    try {
      await renameConversation(id, title);
      setError(null);
    } catch {
      setError("Could not rename the conversation.");
    }
  }

  async function remove(conversation: ConversationListItem) {
    if (!window.confirm(`Delete “${conversation.title}”? Its messages are removed; memories saved from it stay.`)) return;
    try {
      await removeConversation(conversation.id);
    } catch {
      setError("Could not delete the conversation.");
      return;
    }
    if (pathname === `/c/${conversation.id}`) router.push("/");
  }

  return (
    <nav aria-label="Conversations" className="flex flex-col gap-2">
      <Link
        href="/"
        // After the first turn the URL was swapped to /c/<id> in place, so the router still holds
        // the "/" tree; refresh makes the server hand out a fresh conversation.
        onClick={(event) => {
          event.preventDefault();
          router.push("/");
          router.refresh();
        }}
        className="rounded-md bg-indigo-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-indigo-700"
      >
        New chat
      </Link>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="flex flex-col gap-0.5">
        {conversations.length === 0 ? <li className="px-2 py-1 text-xs text-zinc-500">No conversations yet.</li> : null}
        {conversations.map((c) => {
          const active = pathname === `/c/${c.id}`;
          return (
            <li key={c.id} className={`group flex items-center gap-1 rounded-md ${active ? "bg-zinc-200" : "hover:bg-zinc-100"}`}>
              {editing === c.id ? (
                <form
                  className="flex-1 p-1"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const title = String(new FormData(event.currentTarget).get("title") ?? "").trim();
                    if (title) void rename(c.id, title);
                  }}
                >
                  <label className="sr-only" htmlFor={`title-${c.id}`}>
                    Conversation title
                  </label>
                  <input
                    id={`title-${c.id}`}
                    name="title"
                    defaultValue={c.title}
                    maxLength={200}
                    autoFocus
                    onBlur={() => setEditing(null)}
                    onKeyDown={(event) => event.key === "Escape" && setEditing(null)}
                    className="w-full rounded border border-zinc-300 px-2 py-1 text-sm"
                  />
                </form>
              ) : (
                <>
                  <Link
                    href={`/c/${c.id}`}
                    aria-current={active ? "page" : undefined}
                    className="min-w-0 flex-1 truncate px-2 py-1.5 text-sm text-zinc-800"
                    title={c.title}
                  >
                    {c.title}
                  </Link>
                  <Button variant="ghost" className="!px-1.5 !py-1 text-xs opacity-60 group-hover:opacity-100" aria-label={`Rename ${c.title}`} onClick={() => setEditing(c.id)}>
                    Rename
                  </Button>
                  <Button variant="ghost" className="!px-1.5 !py-1 text-xs text-red-700 opacity-60 group-hover:opacity-100" aria-label={`Delete ${c.title}`} onClick={() => remove(c)}>
                    Delete
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
