"use client";

import useSWR from "swr";
import { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { ConversationSummarySchema, ConversationTitleSchema } from "@/lib/chat/schemas";

// The list shows id and title only; the dates are server-side Date objects, not part of this view.
const ConversationListSchema = z.object({ conversations: z.array(ConversationSummarySchema.pick({ id: true, title: true })) });
const RenamedSchema = z.object({ title: ConversationTitleSchema });
export type ConversationListItem = z.infer<typeof ConversationListSchema>["conversations"][number];

/**
 * The user's conversations, newest first, with rename and delete. The chat revalidates the
 * same key when a turn finishes (a new chat, its title, the order).
 */
export function useConversations(options: { fallback: ConversationListItem[] }) {
  const { data, mutate } = useSWR(swrKeys.conversations, (url: string) => fetchJson(url, { schema: ConversationListSchema }), {
    fallbackData: { conversations: options.fallback },
  });

  async function rename(conversationId: string, title: string) {
    try {
      await fetchJson(`/api/conversations/${conversationId}`, { method: "PATCH", body: { title }, schema: RenamedSchema });
    } finally {
      await mutate();
    }
  }

  async function remove(conversationId: string) {
    await fetchJson(`/api/conversations/${conversationId}`, { method: "DELETE", schema: z.undefined() });
    await mutate();
  }

  return { conversations: data.conversations, rename, remove };
}
