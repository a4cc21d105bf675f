import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { MemoriesTabs } from "@/components/memory/memories-tabs";
import { MemoryFilters } from "@/components/memory/memory-filters";
import { MemoryList } from "@/components/memory/memory-list";
import { requireUser } from "@/lib/auth/require-user";
import { countPendingProposals } from "@/lib/memory/count-pending-proposals";
import { listMemories } from "@/lib/memory/list-memories";
import { MemoryListQuerySchema } from "@/lib/memory/view-schemas";

export const metadata: Metadata = { title: "Memories" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MemoriesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const parsed = MemoryListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : MemoryListQuerySchema.parse({});
  // Unreadable filters fall back to the plain list, here and in the browser's later reads.
  const effective = parsed.success ? raw : {};
  const [page, pendingCount] = await Promise.all([
    listMemories({ userId: user.id, query: effective }),
    countPendingProposals({ userId: user.id }),
  ]);
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Memories</h1>
        <MemoriesTabs current="all" pendingCount={pendingCount} />
      </div>
      {parsed.success ? null : <Alert>Some filters in the address were not understood and were reset.</Alert>}
      <MemoryFilters q={query.q ?? ""} types={query.types ?? []} statuses={query.statuses?.length ? query.statuses : ["active"]} sort={query.sort} />
      {query.q ? <p className="text-sm text-zinc-600">Results for “{query.q}”, most relevant first.</p> : null}
      <MemoryList key={JSON.stringify(raw)} query={new URLSearchParams(effective).toString()} initial={page} />
    </main>
  );
}
