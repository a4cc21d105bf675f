import type { Metadata } from "next";
import Link from "next/link";
import { SystemStatusView } from "@/components/admin/system-status";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getSystemStatus } from "@/lib/ops/get-system-status";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  await requireAdmin();
  const status = await getSystemStatus();
  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">System</h1>
          <p className="text-sm text-zinc-600">
            As seen by replica <span className="font-mono text-xs">{status.thisReplica.id}</span> at{" "}
            {status.checkedAt.slice(11, 19)} UTC. Machines read the same from{" "}
            <code className="font-mono text-xs">/api/health</code>.
          </p>
        </div>
        <Link
          href="/admin/system"
          prefetch={false}
          className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Refresh
        </Link>
      </div>
      <SystemStatusView status={status} />
    </main>
  );
}
