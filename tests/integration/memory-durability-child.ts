// Child process for memory-durability.test.ts: enqueues one memory write, prints "ACK <json>"
// once the write is acknowledged, then idles until its parent kills it.
//   node --conditions=react-server --import tsx tests/integration/memory-durability-child.ts <userId> <conversationId> <content> <worker|no-worker>
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";

const [userId, conversationId, content, mode] = process.argv.slice(2);
if (mode === "worker") startMemoryWriteWorker({ enabled: true, handleSignals: true });
const ack = await enqueueMemoryWrite({
  userId: userId!,
  conversationId: conversationId!,
  kind: "create",
  payload: { request: { content: content!, memoryType: "fact", sourceConversationId: conversationId } },
  correlationId: crypto.randomUUID(),
});
process.stdout.write(`ACK ${JSON.stringify(ack)}\n`);
setInterval(() => undefined, 1000);
