import { withRoute } from "@/lib/api/with-route";
import { listConversations } from "@/lib/chat/list-conversations";

export const GET = withRoute(
  async ({ user }) => Response.json({ conversations: await listConversations({ userId: user.id }) }),
  { auth: "user" },
);
