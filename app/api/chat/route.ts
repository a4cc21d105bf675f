import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { runChatTurn } from "@/lib/agent/run-chat-turn";
import { ChatRequestSchema } from "@/lib/chat/schemas";

export const maxDuration = 60;

const post = withRoute(
  async ({ user, body, correlationId }) => {
    const request = await body(ChatRequestSchema);
    return runChatTurn({ userId: user.id, request, correlationId });
  },
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: post });
