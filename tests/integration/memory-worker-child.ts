// Child process for memory-outage.test.ts: runs the memory-write worker (against whatever
// DATABASE_URL it is given: a fault proxy in that test), prints READY, and idles until killed.
//   node --conditions=react-server --import tsx tests/integration/memory-worker-child.ts
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";

startMemoryWriteWorker({ enabled: true, handleSignals: true, concurrency: 4 });
process.stdout.write("READY\n");
setInterval(() => undefined, 1000);
