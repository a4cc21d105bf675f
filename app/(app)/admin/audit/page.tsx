import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/require-admin";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireAdmin();
  return (
    <main className="mx-auto w-full max-w-7xl px-4 py-6">
      <h1 className="text-xl font-semibold">Audit log</h1>
    </main>
  );
}
