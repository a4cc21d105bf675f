import { requireUser } from "@/lib/auth/require-user";
import { AppHeader } from "@/components/layout/app-header";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} pendingCount={0} />
      <div className="flex flex-1 flex-col">{children}</div>
    </div>
  );
}
