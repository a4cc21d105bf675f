import type { Metadata } from "next";
import { ActivityFeed } from "@/components/memory/activity-feed";
import { requireUser } from "@/lib/auth/require-user";
import { listActivity } from "@/lib/memory/list-activity";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage() {
  const user = await requireUser();
  const page = await listActivity({ userId: user.id, query: { limit: 50 } });
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-6">
      <ActivityFeed initial={page.items} initialCursor={page.nextCursor} />
    </main>
  );
}
