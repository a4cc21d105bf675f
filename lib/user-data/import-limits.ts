// The import's bounds, shared by the route (its streamed body limit), the parser and the page
// that says them. Not server-only: the page shows them before a file is chosen.

/** The largest file POST /api/data/import reads: the upload is cut (413) as soon as it passes this. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The most memories (or lines) one import takes: all of them are written in one transaction. */
export const IMPORT_MAX_ITEMS = 5_000;
