import type { Metadata } from "next";
import { MemoriesTabs } from "@/components/memory/memories-tabs";
import { PendingProposals } from "@/components/memory/pending-proposals";
import { requireUser } from "@/lib/auth/require-user";
import { listPendingProposals } from "@/lib/memory/list-pending-proposals";

export const metadata: Metadata = { title: "Pending memories" };

export default async function PendingPage() {
  const user = await requireUser();
  const pending = await listPendingProposals({ userId: user.id });
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Pending memories</h1>
        <MemoriesTabs current="pending" pendingCount={pending.count} />
      </div>
      <p className="text-sm text-zinc-600">The assistant was not sure about these. Confirm to remember them, or reject to forget them.</p>
      <PendingProposals initial={pending} />
    </main>
  );
}
