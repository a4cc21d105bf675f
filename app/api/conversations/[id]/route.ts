import { IdParamsSchema } from "@/lib/api/id-params";
import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { deleteConversation } from "@/lib/chat/delete-conversation";
import { getConversationOrThrow } from "@/lib/chat/get-conversation-or-throw";
import { listMessages } from "@/lib/chat/list-messages";
import { renameConversation } from "@/lib/chat/rename-conversation";
import { RenameConversationBodySchema } from "./schema";

const get = withRoute(
  async ({ user, params }) => {
    const conversation = await getConversationOrThrow({ userId: user.id, conversationId: params.id });
    const messages = await listMessages({ userId: user.id, conversationId: params.id });
    return Response.json({ conversation, messages });
  },
  { auth: "user", params: IdParamsSchema },
);

const patch = withRoute(
  async ({ user, params, body }) => {
    const { title } = await body(RenameConversationBodySchema);
    await renameConversation({ userId: user.id, conversationId: params.id, title });
    return Response.json({ ok: true, title });
  },
  { auth: "user", params: IdParamsSchema },
);

const del = withRoute(
  async ({ user, params }) => {
    await deleteConversation({ userId: user.id, conversationId: params.id });
    return new Response(null, { status: 204 });
  },
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get, PATCH: patch, DELETE: del });
