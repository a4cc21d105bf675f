"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ExtractionTypeSchema, MemoryOperationSchema } from "@/lib/db/enums";

export type AuditFilterValues = {
  user: string;
  operation: string;
  extractionType: string;
  from: string;
  to: string;
  correlationId: string;
};

const field =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200";

/** The audit log's filters; applied through the URL so the page (and the CSV link) follow them. */
export function AuditFilters({ initial }: { initial: AuditFilterValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const set = (key: keyof AuditFilterValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
    router.push(`/admin/audit${params.size ? `?${params}` : ""}`);
  }

  return (
    <form role="search" aria-label="Filter audit log" onSubmit={submit} className="grid grid-cols-1 gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        User (email or id)
        <input value={values.user} onChange={set("user")} className={field} autoComplete="off" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Operation
        <select value={values.operation} onChange={set("operation")} className={field}>
          <option value="">Any operation</option>
          {MemoryOperationSchema.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Extraction type
        <select value={values.extractionType} onChange={set("extractionType")} className={field}>
          <option value="">Any extraction type</option>
          {ExtractionTypeSchema.options.map((o) => (
            <option key={o} value={o}>
              {o.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        From (date)
        <input type="date" value={values.from} onChange={set("from")} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        To (date, inclusive)
        <input type="date" value={values.to} onChange={set("to")} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Correlation id
        <input value={values.correlationId} onChange={set("correlationId")} className={field} autoComplete="off" spellCheck={false} />
      </label>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/admin/audit")}>
          Clear
        </Button>
      </div>
    </form>
  );
}
