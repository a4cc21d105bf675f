import { withRoute } from "@/lib/api/with-route";
import { listMemories } from "@/lib/memory/list-memories";

/** GET /api/memories?q&types&statuses&sort&page&pageSize → MemoryListPage */
export const GET = withRoute(
  async ({ user, request }) =>
    Response.json(await listMemories({ userId: user.id, query: Object.fromEntries(new URL(request.url).searchParams) })),
  { auth: "user" },
);
