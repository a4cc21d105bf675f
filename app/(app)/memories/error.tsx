"use client";

import { Button } from "@/components/ui/button";

export default function MemoriesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col items-start gap-3 px-4 py-6">
      <h1 className="text-xl font-semibold">Memories</h1>
      <p role="alert" className="text-sm text-red-700">
        Your memories could not be loaded. Please try again.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
