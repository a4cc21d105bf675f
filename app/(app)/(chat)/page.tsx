import type { Metadata } from "next";

export const metadata: Metadata = { title: "Chat" };

export default function ChatPage() {
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-1 flex-col px-4 py-6">
      <h1 className="sr-only">Chat</h1>
      <div className="flex flex-1 flex-col items-center justify-center gap-2 text-center text-zinc-500">
        <p className="text-lg font-medium text-zinc-700">Start a conversation</p>
        <p className="max-w-md text-sm">Tell Mnemo about yourself. Everything it remembers shows up under Memories and Activity.</p>
      </div>
      <label htmlFor="message" className="sr-only">Message</label>
      <textarea id="message" rows={2} disabled placeholder="Chat arrives with the agent." className="w-full resize-none rounded-lg border border-zinc-300 bg-white p-3 text-sm" />
    </main>
  );
}
