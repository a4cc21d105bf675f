"use client";

import { useSWRConfig } from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { isMemoryViewKey, swrKeys } from "@/lib/client/swr-keys";
import { ImportReportSchema, type ImportReport } from "@/lib/user-data/schemas";

/** JSON for .json files (and anything that starts like JSON), plain text otherwise. */
async function contentTypeOf(file: File): Promise<string> {
  if (/\.json$/i.test(file.name) || file.type === "application/json") return "application/json";
  if (/\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/")) return "text/plain";
  const head = (await file.slice(0, 64).text()).trimStart();
  return head.startsWith("{") || head.startsWith("[") ? "application/json" : "text/plain";
}

/**
 * Uploads a file to POST /api/data/import: a dry run says what would be created, skipped or
 * refused; the real run imports it and revalidates every memory view and the conversation
 * list. Throws ApiError with the server's message for a bad file.
 */
export function useImportMemories() {
  const { mutate } = useSWRConfig();
  return async function importMemories(file: File, options: { dryRun: boolean }): Promise<ImportReport> {
    const report = await fetchJson(`/api/data/import${options.dryRun ? "?dryRun=1" : ""}`, {
      method: "POST",
      upload: { body: file, contentType: await contentTypeOf(file) },
      schema: ImportReportSchema,
    });
    if (!options.dryRun) await Promise.all([mutate(isMemoryViewKey), mutate(swrKeys.conversations)]);
    return report;
  };
}
