// Child process for outage-logs.test.ts: serves requests through the real route handlers while
// a dependency is unreachable (its URL points at a closed port), then prints one RESULT line.
//   node --conditions=react-server --import tsx tests/integration/outage-logs-child.ts postgres-down <cookie> <n>
//   node --conditions=react-server --import tsx tests/integration/outage-logs-child.ts redis-down <userId> <n>
import { randomUUID } from "node:crypto";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as chat } from "@/app/api/chat/route";
import { GET as memories } from "@/app/api/memories/route";
import { createMemory } from "@/lib/memory/create-memory";

const [mode, who, count] = process.argv.slice(2);
const n = Number(count);
const url = (path: string) => `http://localhost:3000${path}`;
const json = { "content-type": "application/json" };
const results: { status: number; retryAfter: string | null; code: string | null }[] = [];

async function record(response: Response) {
  const text = await response.text();
  let code: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { code?: string }; code?: string };
    code = body.error?.code ?? body.code ?? null;
  } catch {
    // a streamed chat answer
  }
  results.push({ status: response.status, retryAfter: response.headers.get("retry-after"), code });
}

if (mode === "postgres-down") {
  for (let i = 0; i < n; i++) {
    const message = { id: randomUUID(), role: "user", parts: [{ type: "text", text: `I like tea number ${i}.` }] };
    await record(await chat(new Request(url("/api/chat"), { method: "POST", headers: { ...json, cookie: who! }, body: JSON.stringify({ id: randomUUID(), message }) })));
    await record(await memories(new Request(url("/api/memories"), { headers: { cookie: who! } })));
    const signIn = JSON.stringify({ email: `nobody-${i}@test.local`, password: "wrong-password-123" });
    await record(await authPost(new Request(url("/api/auth/sign-in/email"), { method: "POST", headers: json, body: signIn })));
  }
} else {
  // Each write checks two rate limits and publishes its audit event twice: with Redis down,
  // that used to be four warnings with stacks per write.
  for (let i = 0; i < n; i++) {
    const result = await createMemory({
      request: { userId: who!, content: `User's favourite number is ${i * 7919}`, memoryType: "fact", confidence: 0.9, importance: 0.5 },
      correlationId: randomUUID(),
    });
    results.push({ status: result.action === "created" ? 200 : 500, retryAfter: null, code: result.action });
  }
}
process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
process.exit(0);
