import { listConversations } from "@/lib/chat/list-conversations";
import { requireUser } from "@/lib/auth/require-user";
import { ConversationList } from "@/components/chat/conversation-list";

export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const conversations = await listConversations({ userId: user.id });
  const items = conversations.map((c) => ({ id: c.id, title: c.title }));
  return (
    <div className="flex h-[calc(100dvh-93px)] sm:h-[calc(100dvh-53px)] min-h-0 flex-col md:flex-row">
      <aside className="border-b border-zinc-200 bg-zinc-50 p-3 md:w-64 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-r">
        <details className="md:hidden">
          <summary className="cursor-pointer text-sm font-medium text-zinc-700">Conversations ({items.length})</summary>
          <div className="mt-2">
            <ConversationList conversations={items} />
          </div>
        </details>
        <div className="hidden md:block">
          <ConversationList conversations={items} />
        </div>
      </aside>
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </div>
  );
}
