import { diffWords } from "diff";

/** Word-level before → after diff of a memory's content: removals struck red, additions green. */
export function ContentDiff({ before, after }: { before: string | null; after: string | null }) {
  if (before === null && after === null) return <p className="text-sm text-zinc-500">No content recorded.</p>;
  const parts = diffWords(before ?? "", after ?? "");
  return (
    <p data-testid="content-diff" className="whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-white p-2 font-mono text-sm leading-6">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
            <span className="sr-only">added: </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            <span className="sr-only">removed: </span>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
