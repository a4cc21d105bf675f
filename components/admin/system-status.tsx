import { FactList } from "@/components/ui/fact-list";
import type { SystemStatus } from "@/lib/ops/schemas";

const TONE = {
  good: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-800",
  bad: "bg-red-100 text-red-800",
  info: "bg-zinc-100 text-zinc-700",
} as const;

function Badge({ tone, children }: { tone: keyof typeof TONE; children: React.ReactNode }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[tone]}`}>{children}</span>;
}

const REDIS_TEXT = {
  ok: ["good", "ok"],
  absent: ["info", "not configured (single instance)"],
  down: ["bad", "down: rate limits allow, live events stay on each replica"],
} as const;

function ago(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** The deployment at a glance: dependencies, replicas, the memory-write outbox and the schema. */
export function SystemStatusView({ status }: { status: SystemStatus }) {
  const now = new Date(status.checkedAt);
  const { health, queue, migrations, replicas } = status;
  const [redisTone, redisText] = REDIS_TEXT[health.redis];
  return (
    <div className="flex flex-col gap-4">
      <Section id="dependencies" title="Dependencies">
        <FactList
          items={[
            ["Database", health.db === "ok" ? <Badge tone="good">ok</Badge> : <Badge tone="bad">unreachable</Badge>],
            ["Redis", <Badge key="redis" tone={redisTone}>{redisText}</Badge>],
            ["Chat model", <span key="model" className="font-mono text-xs">{health.model}</span>],
            ["Embeddings", <span key="emb" className="font-mono text-xs">{health.embeddings}</span>],
          ]}
        />
      </Section>

      <Section id="queue" title="Memory writes (background outbox)">
        {queue ? (
          <FactList
            items={[
              ["Waiting", queue.queued],
              ["Running", queue.running],
              ["Done, last 24 h", queue.doneLast24h],
              [
                "Failed, last 24 h",
                queue.failedLast24h > 0 ? <Badge key="failed" tone="warn">{queue.failedLast24h}</Badge> : 0,
              ],
              ["Oldest unfinished", queue.oldestPendingAt ? ago(queue.oldestPendingAt, now) : "none"],
            ]}
          />
        ) : (
          <p className="text-sm text-zinc-600">Unavailable while the database is unreachable.</p>
        )}
      </Section>

      <Section id="replicas" title={`Replicas (${replicas.items.length} live)`}>
        {replicas.source === "this-process" ? (
          <p className="mb-2 text-sm text-zinc-600">
            {health.redis === "absent"
              ? "No Redis configured: this is a single-instance install."
              : "Redis is unavailable, so only the replica answering this page is known."}
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Live app replicas</caption>
            <thead className="text-xs text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Replica</th>
                <th scope="col" className="py-1 pr-4 font-medium">Version</th>
                <th scope="col" className="py-1 pr-4 font-medium">Started</th>
                <th scope="col" className="py-1 pr-4 font-medium">Last heartbeat</th>
              </tr>
            </thead>
            <tbody>
              {replicas.items.map((replica) => (
                <tr key={replica.id} className="border-t border-zinc-100" data-testid="replica-row">
                  <td className="py-1.5 pr-4 font-mono text-xs">
                    {replica.id}
                    {replica.id === status.thisReplica.id ? <span className="ml-2 font-sans text-zinc-500">(this page)</span> : null}
                  </td>
                  <td className="py-1.5 pr-4">{replica.version}</td>
                  <td className="py-1.5 pr-4">{ago(replica.startedAt, now)}</td>
                  <td className="py-1.5 pr-4">{ago(replica.lastSeenAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="schema" title="Database schema">
        {migrations ? (
          <FactList
            items={[
              ["Migrations applied", migrations.applied],
              ["Latest", <span key="latest" className="font-mono text-xs">{migrations.latest ?? "none"}</span>],
              ["Applied", migrations.latestAt ? ago(migrations.latestAt, now) : "never"],
              ["Failed", migrations.failed > 0 ? <Badge key="mf" tone="bad">{migrations.failed}: run npm run db:migrate</Badge> : 0],
            ]}
          />
        ) : (
          <p className="text-sm text-zinc-600">Unavailable while the database is unreachable.</p>
        )}
      </Section>
    </div>
  );
}
