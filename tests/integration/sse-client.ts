// A minimal Server-Sent Events reader for tests: fetch + the text/event-stream framing.
export type SseEvent = { id: string | null; event: string; data: string };

export type SseConnection = {
  status: number;
  events: SseEvent[];
  /** Resolves when the server ends the stream (or it is aborted). */
  ended: Promise<void>;
  /** Resolves once `count` events named `event` have arrived (rejects after timeoutMs). */
  waitFor: (event: string, count: number, timeoutMs?: number) => Promise<SseEvent[]>;
  close: () => void;
};

export async function openSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let ended: Promise<void> = Promise.resolve();
  if (response.body) {
    ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: SseEvent = { id: null, event: "message", data: "" };
            let hasData = false;
            for (const line of block.split("\n")) {
              if (line.startsWith(":")) continue;
              const [field, ...rest] = line.split(":");
              const value = rest.join(":").replace(/^ /, "");
              if (field === "id") event.id = value;
              else if (field === "event") event.event = value;
              else if (field === "data") {
                event.data += (hasData ? "\n" : "") + value;
                hasData = true;
              }
            }
            if (hasData) {
              events.push(event);
              for (const w of waiters) w();
            }
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: response.status,
    events,
    ended,
    waitFor: (event, count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const matching = events.filter((e) => e.event === event);
          if (matching.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(matching);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${count} "${event}" events; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}
