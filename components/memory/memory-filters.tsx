"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { MemorySort } from "@/lib/memory/view-schemas";
import { MemoryStatusSchema, MemoryTypeSchema, type MemoryStatus, type MemoryType } from "@/lib/db/enums";

/** Search, type, status and sort for /memories; they live in the URL so views can be shared and reloaded. */
export function MemoryFilters(props: { q: string; types: MemoryType[]; statuses: MemoryStatus[]; sort: MemorySort }) {
  const router = useRouter();
  const [q, setQ] = useState(props.q);
  const [type, setType] = useState<string>(props.types[0] ?? "");
  const [statuses, setStatuses] = useState<MemoryStatus[]>(props.statuses);
  const [sort, setSort] = useState<MemorySort>(props.sort);

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = new URLSearchParams();
    if (q.trim()) params.set("q", q.trim());
    if (type) params.set("types", type);
    if (statuses.length && !(statuses.length === 1 && statuses[0] === "active")) params.set("statuses", statuses.join(","));
    if (sort !== "newest") params.set("sort", sort);
    router.push(`/memories${params.size ? `?${params}` : ""}`);
  }

  const field = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200";
  return (
    <form role="search" aria-label="Filter memories" onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1 text-sm font-medium text-zinc-700">
          Search memories
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} className={field} placeholder="e.g. food, work, family" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Type
          <select value={type} onChange={(e) => setType(e.target.value)} className={field}>
            <option value="">All types</option>
            {MemoryTypeSchema.options.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Sort
          <select value={sort} onChange={(e) => setSort(e.target.value as MemorySort)} className={field} disabled={q.trim() !== ""}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="importance">Most important</option>
          </select>
        </label>
        <Button type="submit">Apply</Button>
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 text-sm font-medium text-zinc-700">Status</legend>
        {MemoryStatusSchema.options.map((s) => (
          <label key={s} className="flex items-center gap-1.5 text-sm text-zinc-700">
            <input
              type="checkbox"
              checked={statuses.includes(s)}
              onChange={(e) => setStatuses((list) => (e.target.checked ? [...list, s] : list.filter((x) => x !== s)))}
              className="size-4 accent-indigo-600"
            />
            {s}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
