import Link from "next/link";

/** Previous / next links that keep the current filters in the URL. */
export function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: URLSearchParams }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete("page");
    else next.set("page", String(p));
    return `?${next}`;
  };
  const link = "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2 text-sm text-zinc-600">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {Math.min(page, pages)} of {pages} · {total} {total === 1 ? "memory" : "memories"}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
