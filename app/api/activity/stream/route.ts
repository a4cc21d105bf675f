import { z } from "zod";
import { withRoute } from "@/lib/api/with-route";
import { openActivityStream } from "@/lib/memory/open-activity-stream";

const CursorSchema = z.string().regex(/^\d{1,19}$/, "must be a sequence number").optional();

/**
 * GET /api/activity/stream?after=<seq> → text/event-stream of the user's write events.
 * A reconnecting EventSource sends Last-Event-ID, which wins over `after`.
 */
export const GET = withRoute(
  async ({ user, request, query }) => {
    const { after } = query(z.object({ after: CursorSchema }));
    const lastEventId = CursorSchema.parse(request.headers.get("last-event-id") || undefined);
    const body = openActivityStream({ userId: user.id, afterSeq: lastEventId ?? after ?? null, signal: request.signal });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        // no-transform keeps compression (Next's, or a proxy's) from buffering the stream.
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  },
  { auth: "user" },
);
