import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-24 text-center">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-zinc-600">There is nothing here, or it belongs to someone else.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-indigo-700 underline">
        Back to chat
      </Link>
    </main>
  );
}
