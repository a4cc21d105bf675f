"use client";

import useSWRInfinite from "swr/infinite";
import type { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";

type KeysetPage = { items: unknown[]; nextCursor: string | null };

/**
 * "Load older" paging after a server-rendered first page: each page's key carries the cursor
 * the previous one ended at. Nothing is fetched until loadMore; loaded pages are history and
 * are not refetched (on focus or remount).
 */
export function useKeysetPages<S extends z.ZodType<KeysetPage>>(options: {
  /** The server-rendered page's nextCursor; null when there is nothing older. */
  firstCursor: string | null;
  pageUrl: (cursor: string) => string;
  schema: S;
}) {
  const { firstCursor, pageUrl, schema } = options;
  const { data, size, setSize, error, isValidating } = useSWRInfinite(
    (index: number, previous: z.infer<S> | null) => {
      const cursor = index === 0 ? firstCursor : (previous?.nextCursor ?? null);
      return cursor ? pageUrl(cursor) : null;
    },
    (url: string) => fetchJson(url, { schema }),
    {
      initialSize: 0,
      revalidateFirstPage: false,
      revalidateIfStale: false,
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      shouldRetryOnError: false,
    },
  );
  const pages = data ?? [];
  const loaded = pages.length;
  return {
    items: pages.flatMap((page) => page.items) as z.infer<S>["items"],
    nextCursor: loaded === 0 ? firstCursor : pages[loaded - 1]!.nextCursor,
    loading: size > loaded && (isValidating || !error),
    error: error as unknown,
    /** Loads the next older page, or retries the one that failed. */
    loadMore: () => void setSize(loaded + 1),
  };
}
