import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listMemories } from "@/lib/memory/list-memories";

/** GET /api/memories?q&types&statuses&sort&page&pageSize → MemoryListPage */
const get = withRoute(
  async ({ user, request }) =>
    Response.json(await listMemories({ userId: user.id, query: Object.fromEntries(new URL(request.url).searchParams) })),
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
