import { requireUser } from "@/lib/auth/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { MemoryEventsProvider } from "@/components/memory/memory-events-provider";
import { countPendingProposals } from "@/lib/memory/count-pending-proposals";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const pendingCount = await countPendingProposals({ userId: user.id });
  return (
    // One live stream per tab for every signed-in page: it keeps the SWR views current.
    <MemoryEventsProvider>
      <div className="flex min-h-screen flex-col">
        <AppHeader user={user} pendingCount={pendingCount} />
        <div className="flex flex-1 flex-col">{children}</div>
      </div>
    </MemoryEventsProvider>
  );
}
