const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * A route module's method exports: the given handlers, and for every other method a JSON 405
 * naming the allowed ones in Allow (Next's own answer is an empty 405). OPTIONS answers 204
 * with the same Allow; HEAD is Next's (it runs GET).
 *   export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: withRoute(…) });
 */
export function routeMethods(handlers: Partial<Record<Method, Handler>>) {
  const allow = [...METHODS.filter((m) => handlers[m]), ...(handlers.GET ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const notAllowed: Handler = async (request) =>
    Response.json(
      { error: { code: "method_not_allowed", message: `${request.method} is not allowed here. Allowed: ${allow}.` } },
      { status: 405, headers: { allow, "cache-control": "no-store" } },
    );
  const methods = Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<Method, Handler>;
  return { ...methods, OPTIONS: async () => new Response(null, { status: 204, headers: { allow } }) };
}
