import type { Metadata } from "next";

export const metadata: Metadata = { title: "Activity" };

export default function ActivityPage() {
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-6">
      <h1 className="text-xl font-semibold">Activity</h1>
    </main>
  );
}
