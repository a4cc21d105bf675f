import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listConversations } from "@/lib/chat/list-conversations";

const get = withRoute(
  async ({ user }) => Response.json({ conversations: await listConversations({ userId: user.id }) }),
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
