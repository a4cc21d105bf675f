import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal OpenAI-compatible Chat Completions server for tests: it streams the scripted
 * replies (tool calls or text) in order, one per request, the way OpenAI streams them
 * (delta fragments, a finish_reason, then [DONE]), and records every request body.
 */
export type ScriptedReply =
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { text: string };

export async function startFakeOpenAIServer(replies: ScriptedReply[]) {
  const requests: Record<string, unknown>[] = [];
  let next = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    requests.push(body);
    const reply = replies[Math.min(next++, replies.length - 1)]!;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const base = { id: `chatcmpl-${next}`, object: "chat.completion.chunk", created: 1_700_000_000, model: String(body.model) };
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: "assistant", content: "" });
    if ("toolCalls" in reply) {
      reply.toolCalls.forEach((call, index) => {
        const args = JSON.stringify(call.arguments);
        const cut = Math.ceil(args.length / 2);
        // Arguments arrive in fragments, as real servers send them.
        send({ tool_calls: [{ index, id: `call_${next}_${index}`, type: "function", function: { name: call.name, arguments: args.slice(0, cut) } }] });
        send({ tool_calls: [{ index, function: { arguments: args.slice(cut) } }] });
      });
      send({}, "tool_calls");
    } else {
      for (const word of reply.text.split(/(?<= )/)) send({ content: word });
      send({}, "stop");
    }
    res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
