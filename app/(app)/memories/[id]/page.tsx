import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemoryDetailView } from "@/components/memory/memory-detail-view";
import { requireUser } from "@/lib/auth/require-user";
import { AppError } from "@/lib/errors";
import { getMemoryDetail } from "@/lib/memory/get-memory-detail";
import { IdParamsSchema } from "@/lib/api/id-params";

export const metadata: Metadata = { title: "Memory" };

export default async function MemoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = IdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getMemoryDetail({ userId: user.id, memoryId: parsed.data.id }).catch((error: unknown) => {
    // Another user's memory is indistinguishable from a missing one.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6">
      <Link href="/memories" className="text-sm text-indigo-700 underline">
        ← All memories
      </Link>
      <h1 className="text-xl font-semibold">Memory</h1>
      <MemoryDetailView initial={detail} />
    </main>
  );
}
