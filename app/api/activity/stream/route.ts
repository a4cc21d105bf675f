import { z } from "zod";
import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { openActivityStream } from "@/lib/memory/open-activity-stream";
import { SeqCursorSchema } from "@/lib/memory/view-schemas";

// Within PostgreSQL's bigint: a larger Last-Event-ID would give a stream that never delivers.
const CursorSchema = SeqCursorSchema.optional();

/**
 * GET /api/activity/stream?after=<seq> → text/event-stream of the user's audit events
 * (`memory`, resumable) and hints that a queued write finished (`write`, not resumable).
 * A reconnecting EventSource sends Last-Event-ID, which wins over `after`.
 */
const get = withRoute(
  async ({ user, request, query }) => {
    const { after } = query(z.object({ after: CursorSchema }));
    const { "Last-Event-ID": lastEventId } = z
      .object({ "Last-Event-ID": CursorSchema })
      .parse({ "Last-Event-ID": request.headers.get("last-event-id") || undefined });
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

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
