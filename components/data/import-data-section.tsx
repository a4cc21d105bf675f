"use client";

import { useId, useState, type FormEvent } from "react";
import { ImportReportView } from "@/components/data/import-report-view";
import { Button } from "@/components/ui/button";
import { useImportMemories } from "@/hooks/use-import-memories";
import { errorMessage } from "@/lib/client/fetch-json";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ITEMS } from "@/lib/user-data/import-limits";
import type { ImportReport } from "@/lib/user-data/schemas";

/**
 * Import a Mnemo export, mem0's memory JSON, or a plain list of statements. "Check file" runs
 * the import without keeping anything and shows what it would do; "Import" does it. Each item
 * passes the same write policy and duplicate check as anything said in chat.
 */
export function ImportDataSection() {
  const importMemories = useImportMemories();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? "check" : "import");
    setError(null);
    try {
      setReport(await importMemories(file, { dryRun }));
    } catch (err) {
      setReport(null);
      setError(errorMessage(err, "The file could not be imported; nothing was written."));
    } finally {
      setBusy(null);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(false);
  }

  return (
    <section aria-labelledby="import-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="import-heading" className="text-base font-semibold">
        Import
      </h2>
      <p className="text-sm text-zinc-700">
        A Mnemo export (from this or another account), mem0&apos;s exported memories (JSON), or a text file with one statement per line
        (optionally starting with <code>fact:</code>, <code>preference:</code>, <code>decision:</code> or <code>note:</code>). Up to{" "}
        {IMPORT_MAX_BYTES / 1024 / 1024} MB and {IMPORT_MAX_ITEMS.toLocaleString("en")} memories; all or nothing. Importing the same file twice
        adds nothing.
      </p>
      <form onSubmit={submit} className="flex flex-col gap-2">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-zinc-700">
          File to import
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.txt,application/json,text/plain"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setError(null);
          }}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={!file || busy !== null} onClick={() => void run(true)}>
            {busy === "check" ? "Checking…" : "Check file"}
          </Button>
          <Button type="submit" disabled={!file || busy !== null}>
            {busy === "import" ? "Importing…" : "Import"}
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {report ? <ImportReportView report={report} /> : null}
    </section>
  );
}
