"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useMemo, useRef } from "react";
import { useSWRConfig } from "swr";
import type { ChatMessage } from "@/lib/agent/chat-message";
import { Alert } from "@/components/ui/alert";
import { ChatInput } from "@/components/chat/chat-input";
import { MessageView } from "@/components/chat/message-view";
import { swrKeys } from "@/lib/client/swr-keys";

export function Chat({
  conversationId,
  initialMessages,
  modelName,
  modelIsLocal,
}: {
  conversationId: string;
  initialMessages: ChatMessage[];
  modelName: string;
  modelIsLocal: boolean;
}) {
  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        // The server keeps the history; send only the new message.
        prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages.at(-1) } }),
      }),
    [],
  );
  const { mutate } = useSWRConfig();
  const { messages, sendMessage, status, error, clearError, stop } = useChat<ChatMessage>({
    id: conversationId,
    messages: initialMessages,
    transport,
    // The conversation list follows (a new chat, its title, the order) without remounting this chat.
    onFinish: () => void mutate(swrKeys.conversations),
  });
  const endRef = useRef<HTMLDivElement>(null);
  // Block body: newer browsers return a Promise from scrollIntoView, which useEffect must not get.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages]);
  const busy = status === "submitted" || status === "streaming";

  function send(text: string) {
    clearError();
    if (messages.length === 0) window.history.replaceState(null, "", `/c/${conversationId}`);
    void sendMessage({ text });
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex-1 overflow-y-auto" aria-live="polite" aria-busy={busy}>
        <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6">
          {messages.length === 0 ? <EmptyState modelIsLocal={modelIsLocal} /> : null}
          {messages.map((message, index) => (
            <MessageView
              key={message.id}
              message={message}
              conversationId={conversationId}
              isLast={index === messages.length - 1}
              busy={busy}
              onReply={send}
            />
          ))}
          {status === "submitted" ? (
            <p className="text-sm text-zinc-500" role="status">
              Thinking…
            </p>
          ) : null}
          {error ? (
            <Alert>
              The assistant could not answer: {error.message || "network error"}. Your message is kept; try sending again.
            </Alert>
          ) : null}
          <div ref={endRef} />
        </div>
      </div>
      <div className="border-t border-zinc-200 bg-white">
        <div className="mx-auto w-full max-w-3xl px-4 py-3">
          <ChatInput onSend={send} onStop={stop} busy={busy} />
          <p className="mt-1.5 text-xs text-zinc-500">
            Answering: <span className="font-medium">{modelName}</span>
            {modelIsLocal
              ? " — it remembers, forgets and recalls; general conversation needs a hosted or local LLM (set OPENAI_API_KEY or OPENAI_BASE_URL)."
              : null}
          </p>
        </div>
      </div>
    </div>
  );
}

function EmptyState({ modelIsLocal }: { modelIsLocal: boolean }) {
  return (
    <div className="flex flex-col items-center gap-2 py-16 text-center">
      <p className="text-lg font-medium text-zinc-800">What should I know about you?</p>
      <p className="max-w-md text-sm text-zinc-500">
        Tell Mnemo facts, preferences or decisions. Every memory it writes shows up under Memories and Activity, and
        you can ask it to forget anything.
      </p>
      {modelIsLocal ? (
        <p className="max-w-md text-xs text-zinc-400">Try: “I&apos;m a vegetarian”, “What do you remember about me?”, “Forget that I&apos;m a vegetarian”.</p>
      ) : null}
    </div>
  );
}
