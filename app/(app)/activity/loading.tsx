export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-6" aria-busy="true">
      <h1 className="text-xl font-semibold">Activity</h1>
      <p role="status" className="mt-3 text-sm text-zinc-600">
        Loading activity…
      </p>
    </main>
  );
}
