import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="text-2xl font-semibold">Access denied</h1>
      <p className="text-zinc-600">This page is for administrators. If you think you should have access, ask an admin.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-indigo-700 underline">
        Back to chat
      </Link>
    </main>
  );
}
