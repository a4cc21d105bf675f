import { findSecrets } from "@/lib/write-policy/find-secrets";
import { extractMemories } from "./extract/extract-memories";
import { parseSentences } from "./extract/parse-sentences";
import type { PromptView } from "./read-prompt";
import { toSecondPerson } from "./to-second-person";
import { topicTerms } from "./topic-terms";

type Line = { role: "user" | "assistant"; text: string };

// Nouns that occur in every conversation and name no topic.
const GENERIC = new Set(
  "day days time times thing things way lot bit question questions idea ideas help answer people one ones kind sort part week weeks hour hours minute minutes first good best recap summary plan step steps list overview thanks"
    .split(" "),
);

/** The conversation to summarise: a "User: … / Assistant: …" transcript in one message, or the messages themselves. */
function conversationLines(view: PromptView): Line[] {
  const lines: Line[] = [];
  for (const turn of view.turns) {
    const transcript = turn.userText.split("\n");
    if (transcript.some((l) => /^(User|Assistant):/.test(l))) {
      for (const raw of transcript) {
        const m = raw.match(/^(User|Assistant):\s?(.*)$/);
        if (m) lines.push({ role: m[1] === "User" ? "user" : "assistant", text: m[2] ?? "" });
        else if (lines.length > 0) lines.at(-1)!.text += `\n${raw}`;
      }
    } else {
      lines.push({ role: "user", text: turn.userText });
    }
    if (turn.assistantText) lines.push({ role: "assistant", text: turn.assistantText });
  }
  return lines.filter((l) => l.text.trim() !== "");
}

/** The main topics: names and nouns the user kept coming back to, most frequent first. */
function mainTopics(lines: Line[]): string[] {
  const counts = new Map<string, { count: number; display: string; first: number }>();
  lines.forEach((line, index) => {
    const weight = line.role === "user" ? 2 : 1;
    for (const sentence of parseSentences(line.text)) {
      for (const term of sentence.terms) {
        if (!term.tags.has("Noun") || term.tags.has("Pronoun") || term.tags.has("Value") || term.tags.has("Date")) continue;
        const key = term.normal.replace(/[^\p{L}\p{N}-]/gu, "");
        if (key.length < 3 || GENERIC.has(key)) continue;
        const proper = term.tags.has("ProperNoun") || term.tags.has("Place");
        const entry = counts.get(key) ?? { count: 0, display: proper ? term.text.replace(/[^\p{L}\p{N}-]/gu, "") : key, first: index };
        entry.count += weight * (proper ? 2 : 1);
        counts.set(key, entry);
      }
    }
  });
  return [...counts.values()]
    .filter((e) => e.count >= 2)
    .sort((a, b) => b.count - a.count || a.first - b.first || a.display.localeCompare(b.display))
    .slice(0, 3)
    .map((e) => e.display);
}

function nounsOf(text: string): string[] {
  const nouns = parseSentences(text).flatMap((s) =>
    s.terms.filter((t) => t.tags.has("Noun") && !t.tags.has("Pronoun") && !t.tags.has("Value") && !GENERIC.has(t.normal)).map((t) => t.text.replace(/[^\p{L}\p{N}-]/gu, "")),
  );
  return [...new Set(nouns.filter((n) => n.length > 2))];
}

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const reported = (content: string) => toSecondPerson(content).replace(/^you're\b/, "they're").replace(/\byou\b/g, "they").replace(/\byour\b/g, "their").replace(/\byourself\b/g, "themselves");

/**
 * An extractive episode summary, 2-4 sentences in the third person: what the conversation was
 * about, what the user shared about themselves and decided, and how it ended. Sentences that
 * hold credentials are never used.
 */
export function summarizeEpisode(view: PromptView): string {
  const lines = conversationLines(view).filter((l) => findSecrets(l.text).length === 0);
  const userLines = lines.filter((l) => l.role === "user");
  if (userLines.length === 0) return "The user did not say anything that could be summarised.";
  // Topics come from what the user said: the assistant's replies carry its own boilerplate.
  const topics = mainTopics(userLines);
  const questions = userLines.filter((l) => parseSentences(l.text).some((s) => s.isQuestion)).length;
  const sentences: string[] = [];
  const about = topics.length > 0 ? list(topics) : list(topicTerms(userLines[0]!.text).slice(0, 3)) || "a few topics";
  sentences.push(questions * 2 >= userLines.length ? `The user asked ${questions === 1 ? "a question" : "a series of questions"} about ${about}.` : `The user talked about ${about}.`);

  const memories = userLines.flatMap((l) => extractMemories(l.text).memories.filter((m) => m.confidence >= 0.7));
  const unique = [...new Map(memories.map((m) => [m.content.toLowerCase(), m])).values()];
  const shared = unique.filter((m) => m.memory_type !== "decision").slice(0, 3).map((m) => reported(m.content));
  const decided = unique.filter((m) => m.memory_type === "decision").slice(0, 2).map((m) => reported(m.content));
  if (shared.length > 0) sentences.push(`They mentioned that ${list(shared)}.`);
  if (decided.length > 0) sentences.push(`They also said that ${list(decided)}.`);

  // Quote the opening request: extractive, so it cannot misstate what the user wanted.
  const opening = userLines[0]!.text.replace(/\s+/g, " ").trim();
  if (sentences.length < 3 && opening.length > 0) {
    const clipped = opening.length > 160 ? `${opening.slice(0, 157).replace(/\s+\S*$/, "")}…` : opening;
    sentences.push(`It started with: "${clipped}"`);
  }
  const last = userLines.at(-1)!;
  const lastTopics = nounsOf(last.text).slice(0, 3);
  if (sentences.length < 4 && userLines.length > 1 && parseSentences(last.text).some((s) => s.isQuestion) && lastTopics.length > 0) {
    sentences.push(`The last open question was about ${list(lastTopics)}.`);
  }
  return sentences.slice(0, 4).join(" ");
}
