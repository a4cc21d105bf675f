import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { ChatMessage } from "@/lib/agent/chat-message";
import { describeLanguageModel } from "@/lib/ai/get-language-model";
import { requireUser } from "@/lib/auth/require-user";
import { getConversationOrThrow } from "@/lib/chat/get-conversation-or-throw";
import { listMessages } from "@/lib/chat/list-messages";
import { AppError } from "@/lib/errors";
import { Chat } from "@/components/chat/chat";

export const metadata: Metadata = { title: "Chat" };

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  try {
    const conversation = await getConversationOrThrow({ userId: user.id, conversationId: id.data });
    const messages = (await listMessages({ userId: user.id, conversationId: conversation.id })) as ChatMessage[];
    const model = describeLanguageModel();
    return (
      <>
        <h1 className="sr-only">{conversation.title}</h1>
        <Chat
          key={conversation.id}
          conversationId={conversation.id}
          initialMessages={messages}
          modelName={model.name}
          modelIsLocal={model.provider === "local"}
        />
      </>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
