import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// LoCoMo (Maharana et al. 2024, "Evaluating Very Long-Term Conversational Memory of LLM Agents"):
// long two-person dialogs with questions whose `evidence` names the turns (dia_ids) that answer
// them. The data is not part of this repository; the benchmark reads it from a directory.

const TurnSchema = z.object({ speaker: z.string(), dia_id: z.string(), text: z.string(), blip_caption: z.string().optional() }).passthrough();
const QaSchema = z.object({ question: z.string(), evidence: z.array(z.string()).optional(), category: z.number() }).passthrough();
const ConversationSchema = z.record(z.string(), z.unknown());

export type LocomoTurn = { diaId: string; content: string };
export type LocomoQuestion = { question: string; evidence: string[]; category: number };
export type LocomoConversation = { name: string; turns: LocomoTurn[]; questions: LocomoQuestion[]; skipped: number };

/** "D1:3" → "D1:3"; "D30:05" → "D30:5"; anything else → null. */
function normaliseDiaId(id: string): string | null {
  const m = /^D(\d+):(\d+)$/.exec(id.trim());
  return m ? `D${Number(m[1])}:${Number(m[2])}` : null;
}

/**
 * Reads every `*.json` conversation of a LoCoMo directory (locomo10_v2: one file per
 * conversation, sessions as `session_<n>` arrays of turns, questions under `qa`). A turn becomes
 * "<speaker>: <text>" (plus "[shares <caption>]" for an image). Questions of category 5
 * (adversarial: unanswerable by design) and questions without evidence are skipped, and so is
 * evidence that names no turn of the conversation.
 */
export function loadLocomo(options: { dir: string }): LocomoConversation[] {
  const files = fs.readdirSync(options.dir).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new Error(`no LoCoMo *.json files in ${options.dir}`);
  return files.map((file) => {
    const raw = ConversationSchema.parse(JSON.parse(fs.readFileSync(path.join(options.dir, file), "utf8")));
    const turns: LocomoTurn[] = [];
    const sessions = Object.keys(raw)
      .filter((k) => /^session_\d+$/.test(k))
      .sort((a, b) => Number(a.split("_")[1]) - Number(b.split("_")[1]));
    for (const key of sessions) {
      for (const turn of z.array(TurnSchema).parse(raw[key])) {
        const diaId = normaliseDiaId(turn.dia_id);
        if (!diaId) continue;
        const caption = turn.blip_caption ? ` [shares ${turn.blip_caption}]` : "";
        turns.push({ diaId, content: `${turn.speaker}: ${turn.text}${caption}`.slice(0, 2000) });
      }
    }
    const known = new Set(turns.map((t) => t.diaId));
    const questions: LocomoQuestion[] = [];
    let skipped = 0;
    for (const qa of z.array(QaSchema).parse(raw.qa ?? [])) {
      const evidence = (qa.evidence ?? [])
        .flatMap((e) => e.split(/[;,\s]+/))
        .map(normaliseDiaId)
        .filter((id): id is string => id !== null && known.has(id));
      if (qa.category === 5 || evidence.length === 0) {
        skipped++;
        continue;
      }
      questions.push({ question: qa.question, evidence: [...new Set(evidence)], category: qa.category });
    }
    return { name: path.basename(file, ".json"), turns, questions, skipped };
  });
}
