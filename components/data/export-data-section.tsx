import { EXPORT_VERSION } from "@/lib/user-data/export-format";

/** Download everything Mnemo holds about the user as one JSON file (a plain link: the browser streams it to disk). */
export function ExportDataSection() {
  return (
    <section aria-labelledby="export-heading" className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="export-heading" className="text-base font-semibold">
        Export
      </h2>
      <p className="text-sm text-zinc-700">
        One JSON file with every memory in every status, its versions, where it came from, its expiry and its history, plus your
        conversations and the rest of your activity. The format is documented and versioned (mnemo-export, version {EXPORT_VERSION}), so
        you can read it, keep it, or import it into another account.
      </p>
      <div>
        <a
          href="/api/data/export"
          download
          className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Download your data
        </a>
      </div>
    </section>
  );
}
