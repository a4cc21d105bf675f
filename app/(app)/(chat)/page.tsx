import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { describeLanguageModel } from "@/lib/ai/get-language-model";
import { Chat } from "@/components/chat/chat";

export const metadata: Metadata = { title: "Chat" };
export const dynamic = "force-dynamic";

export default function NewChatPage() {
  // The id is chosen here; the conversation row is created with the first message.
  const id = randomUUID();
  const model = describeLanguageModel();
  return (
    <>
      <h1 className="sr-only">Chat</h1>
      <Chat key={id} conversationId={id} initialMessages={[]} modelName={model.name} modelIsLocal={model.provider === "local"} />
    </>
  );
}
