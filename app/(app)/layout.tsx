import { requireUser } from "@/lib/auth/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { countPendingProposals } from "@/lib/memory/count-pending-proposals";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const pendingCount = await countPendingProposals({ userId: user.id });
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} pendingCount={pendingCount} />
      <div className="flex flex-1 flex-col">{children}</div>
    </div>
  );
}
