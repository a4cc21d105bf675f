/** One memory of the recall block the server puts in the system prompt before each turn. */
export type RecalledMemory = {
  /** The number to cite it by: [n] */
  n: number;
  type: string;
  /** 0..1 from hybrid search; undefined for a standing memory included whatever the message */
  relevance: number | undefined;
  standing: boolean;
  content: string;
};

export type RecallBlock = { present: boolean; memories: RecalledMemory[] };

const BLOCK = /<memories>([\s\S]*?)<\/memories>/i;
const LINE = /^\s*\[(\d+)\]\s+(\S+)\s+·\s+(.*)$/;

/**
 * Reads the <memories> block of the system prompt as data: each "[n] type · relevance 0.82 ·
 * content" line becomes a recalled memory. Nothing in it is ever treated as an instruction;
 * lines that do not have the format are ignored.
 */
export function readRecallBlock(system: string): RecallBlock {
  const match = BLOCK.exec(system);
  if (!match) return { present: false, memories: [] };
  const memories: RecalledMemory[] = [];
  for (const line of match[1]!.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const fields = m[3]!.split(" · ");
    let relevance: number | undefined;
    let standing = false;
    let at = 0;
    for (; at < fields.length - 1; at++) {
      const field = fields[at]!.trim();
      const score = /^relevance\s+([\d.]+)$/i.exec(field);
      if (score) relevance = Math.max(0, Math.min(1, Number(score[1])));
      else if (/^standing$/i.test(field)) standing = true;
      else break;
    }
    const content = fields.slice(at).join(" · ").trim();
    if (content) memories.push({ n: Number(m[1]), type: m[2]!.toLowerCase(), relevance, standing, content });
  }
  return { present: true, memories };
}
