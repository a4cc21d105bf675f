import "server-only";
import { getDb } from "@/lib/db/client";

/** User and total message counts of the user's conversation (for the episode trigger). */
export async function countMessages(options: { userId: string; conversationId: string }) {
  const grouped = await getDb().message.groupBy({
    by: ["role"],
    where: { conversationId: options.conversationId, userId: options.userId },
    _count: { _all: true },
  });
  const user = grouped.find((g) => g.role === "user")?._count._all ?? 0;
  const total = grouped.reduce((sum, g) => sum + g._count._all, 0);
  return { user, total };
}
