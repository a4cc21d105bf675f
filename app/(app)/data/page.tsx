import type { Metadata } from "next";
import { DeleteAccountSection } from "@/components/data/delete-account-section";
import { EraseDataSection } from "@/components/data/erase-data-section";
import { ExportDataSection } from "@/components/data/export-data-section";
import { ImportDataSection } from "@/components/data/import-data-section";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Your data" };

export default async function DataPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6">
      <div>
        <h1 className="text-xl font-semibold">Your data</h1>
        <p className="text-sm text-zinc-600">
          Take your memory with you, bring it from elsewhere, or make it gone. To correct one memory or give it an expiry, open it from
          Memories.
        </p>
      </div>
      <ExportDataSection />
      <ImportDataSection />
      <EraseDataSection />
      <DeleteAccountSection email={user.email} />
    </main>
  );
}
