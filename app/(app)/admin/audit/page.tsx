import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditLog } from "@/components/admin/audit-log";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AuditFiltersSchema } from "@/lib/memory/view-schemas";

export const metadata: Metadata = { title: "Audit log" };

const KEYS = ["user", "operation", "extractionType", "from", "to", "correlationId"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const sp = await searchParams;
  const values = Object.fromEntries(KEYS.map((k) => [k, typeof sp[k] === "string" ? sp[k] : ""])) as AuditFilterValues;
  const filters = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
  const valid = AuditFiltersSchema.safeParse(filters);
  const query = new URLSearchParams(valid.success ? filters : {}).toString();
  const page = valid.success ? await listAuditEvents({ query: { ...filters, limit: 50 } }) : null;
  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <a
          href={`/api/admin/audit/export${query ? `?${query}` : ""}`}
          download
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
        >
          Export CSV
        </a>
      </div>
      <p className="text-sm text-zinc-600">Every memory write by every user. The export contains all events matching the filters.</p>
      <AuditFilters initial={values} />
      {page ? (
        <AuditLog key={query} initial={page.items} initialCursor={page.nextCursor} query={query} />
      ) : (
        <Alert>
          Invalid filters: {valid.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}
        </Alert>
      )}
    </main>
  );
}
