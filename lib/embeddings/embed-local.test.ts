import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "@/lib/embeddings/cosine-similarity";
import { embedLocal, LOCAL_EMBEDDING_MODEL } from "@/lib/embeddings/embed-local";
import { WORD_TABLE_FILE } from "@/lib/embeddings/load-word-table";
import { parseWordTable } from "@/lib/embeddings/word-table";

const embed = (text: string) => embedLocal({ text, dimensions: 384 });
const sim = (a: string, b: string) => cosineSimilarity({ a: embed(a), b: embed(b) });

describe("embedLocal", () => {
  it("is deterministic, 384-d and unit length", () => {
    const a = embed("I live in Berlin");
    expect(a).toHaveLength(384);
    expect(embed("I live in Berlin")).toEqual(a);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
  });

  it("scores identical and near-identical statements at or above 0.92", () => {
    expect(sim("I live in Berlin", "I live in Berlin")).toBeCloseTo(1, 6);
    expect(sim("I live in Berlin", "i live in berlin.")).toBeGreaterThanOrEqual(0.92);
    expect(sim("The user prefers dark mode", "User prefers dark mode!")).toBeGreaterThanOrEqual(0.92);
    expect(sim("I'm allergic to peanuts", "I am allergic to peanuts")).toBeGreaterThanOrEqual(0.92);
    expect(sim("My café is in Zürich", "My cafe is in Zurich")).toBeGreaterThanOrEqual(0.92);
  });

  it("scores unrelated statements low", () => {
    expect(Math.abs(sim("I live in Berlin", "My dog is called Rex"))).toBeLessThan(0.2);
    expect(Math.abs(sim("I have two kids", "Prefers TypeScript over JavaScript"))).toBeLessThan(0.2);
  });

  it("keeps a negation and a changed detail below the duplicate threshold", () => {
    expect(sim("I like coffee", "I don't like coffee")).toBeLessThan(0.92);
    expect(sim("I live in Berlin", "I live in Paris")).toBeLessThan(0.92);
  });

  it("gives related statements that share key words a clearly positive score", () => {
    expect(sim("User works as a software engineer at Acme", "The user is a software engineer at Acme")).toBeGreaterThan(0.6);
  });

  it("still embeds a text made only of function words", () => {
    expect(embed("I am").some((v) => v !== 0)).toBe(true);
    expect(sim("I am", "i am.")).toBeGreaterThanOrEqual(0.92);
  });

  it("returns the zero vector for text without words", () => {
    expect(embed("!!! ...").every((v) => v === 0)).toBe(true);
  });
});

describe("embedLocal: the blended model (word vectors + polarity + lexical hashing)", () => {
  const query = (text: string) => embedLocal({ text, purpose: "query" });
  const rank = (question: string, memories: string[]) =>
    memories
      .map((m) => [cosineSimilarity({ a: query(question), b: embed(m) }), m] as const)
      .sort((x, y) => y[0] - x[0])
      .map(([, m]) => m);
  const memories = ["User is a nurse", "User lives in Leeds", "User has a cat called Miso", "User prefers tea over coffee", "User plays the cello"];

  it("finds meaning without shared words", () => {
    expect(rank("What's my job?", memories)[0]).toBe("User is a nurse");
    expect(rank("Which pet do I have?", memories)[0]).toBe("User has a cat called Miso");
    expect(rank("What instrument can I play?", memories)[0]).toBe("User plays the cello");
  });

  it("keeps contrasting statements below the duplicate threshold", () => {
    for (const [a, b] of [
      ["User prefers tea", "User prefers coffee"],
      ["User likes jazz", "User does not like jazz"],
      ["User lives in Leeds", "User lives in York"],
      ["User's sister is called Anna", "User's sister is called Maria"],
      ["User has 2 kids", "User has 3 kids"],
      ["User prefers tea over coffee", "User prefers coffee over tea"],
      ["User eats meat", "User no longer eats meat"],
    ]) {
      expect(sim(a!, b!), `${a} / ${b}`).toBeLessThan(0.92);
    }
  });

  it("weighs a search query differently from a stored memory, and the same text stays the same", () => {
    expect(query("User is a nurse")).not.toEqual(embed("User is a nurse"));
    expect(cosineSimilarity({ a: query("User is a nurse"), b: embed("User is a nurse") })).toBeGreaterThan(0.9);
    expect(sim("User has two kids", "User has 2 kids")).toBeCloseTo(1, 6);
  });

  it("is pinned: a change to the table, tokeniser or weights needs a new LOCAL_EMBEDDING_MODEL version", () => {
    const texts = ["User is a nurse", "What's my job?", "User doesn't eat pork", "I live in Zürich since 2019", "!!!"];
    const digest = createHash("sha256");
    for (const t of texts) for (const v of [...embed(t), ...query(t)]) digest.update(v.toFixed(5));
    expect(LOCAL_EMBEDDING_MODEL).toBe("mnemo-blend-v1");
    expect(digest.digest("hex").slice(0, 16)).toBe("c102c6a1a916ad08");
  });
});

describe("the word-vector table", () => {
  it("is the committed build (scripts/build-word-vectors.ts reproduces it byte for byte)", () => {
    const bytes = fs.readFileSync(path.resolve(WORD_TABLE_FILE));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("6125d4982d4438f620edfbaa8535bafbf6ba1fc4825a23cd77e153f22bbc8479");
    const table = parseWordTable(bytes);
    expect(table).toMatchObject({ dim: 100, count: 50_000, vocabularySize: 341_479 });
    expect(table.word(table.find("nurse"))).toBe("nurse");
    expect(table.find("notaword")).toBe(-1);
  });

  it("refuses bytes that are not a table", () => {
    expect(() => parseWordTable(Buffer.from("hello world, not a table"))).toThrow(/bad magic/);
  });
});
