import type { Metadata } from "next";
import { LocalTime } from "@/components/memory/local-time";
import { listAccountDeletions } from "@/lib/admin/list-account-deletions";
import { requireAdmin } from "@/lib/auth/require-admin";

export const metadata: Metadata = { title: "Deleted accounts" };

export default async function DeletionsPage() {
  await requireAdmin();
  const deletions = await listAccountDeletions({ limit: 100 });
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6">
      <h1 className="text-xl font-semibold">Deleted accounts</h1>
      <p className="text-sm text-zinc-600">
        The receipt each account deletion leaves: the id the account had, when, and how much was erased. Nothing else about the
        account is kept. An unfinished deletion is resumed automatically.
      </p>
      {deletions.length === 0 ? (
        <p className="text-sm text-zinc-500">No account has been deleted.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Deleted accounts, newest first</caption>
            <thead className="bg-zinc-50 text-xs uppercase text-zinc-600">
              <tr>
                <th scope="col" className="px-3 py-2">Account id</th>
                <th scope="col" className="px-3 py-2">Requested</th>
                <th scope="col" className="px-3 py-2">Completed</th>
                <th scope="col" className="px-3 py-2">Erased</th>
              </tr>
            </thead>
            <tbody>
              {deletions.map((d) => (
                <tr key={d.id} className="border-t border-zinc-100 align-top">
                  <td className="px-3 py-2 font-mono text-xs">{d.userId}</td>
                  <td className="px-3 py-2">
                    <LocalTime iso={d.createdAt} />
                  </td>
                  <td className="px-3 py-2">{d.completedAt ? <LocalTime iso={d.completedAt} /> : <span className="text-amber-700">in progress</span>}</td>
                  <td className="px-3 py-2 text-xs text-zinc-700">
                    {Object.entries(d.counts)
                      .map(([k, v]) => `${v} ${k}`)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
