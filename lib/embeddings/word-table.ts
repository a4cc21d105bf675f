import { finish32, hash32 } from "@/lib/embeddings/lexical-block";

// The word-vector table's binary format (written by scripts/build-word-vectors.ts):
//   "MNEMOWV1", u32 LE header length, a JSON header padded with spaces, then 8-aligned sections
//   named in header.sections: words ("\n"-joined ASCII), ranks (u32), scales (f32), vectors (i8).
// Reading makes typed-array views on the file's bytes (no copy) and a hash index over the words
// without creating a string per word, so a 50k-word table loads in tens of milliseconds.

const MAGIC = "MNEMOWV1";

export type WordTable = {
  /** dimensions of a word vector */
  dim: number;
  /** rows in the table */
  count: number;
  /** size of the full source vocabulary, for the Zipf estimate of a word's probability */
  vocabularySize: number;
  /** the row of a word, or -1 */
  find(word: string): number;
  /** the word of a row */
  word(row: number): string;
  /** int8 rows; row * scales[row] has unit length */
  vectors: Int8Array;
  scales: Float32Array;
  /** 1-based frequency rank of each row's word in the source vocabulary */
  ranks: Uint32Array;
  /** the SIF common component (unit length) to project out of sentence vectors, or null */
  common: Float32Array | null;
  /** how the table was built (source, vocabulary size, post-processing, SIF a) */
  meta: Record<string, unknown>;
};

export type WordTableContents = {
  dim: number;
  vocabularySize: number;
  words: string[];
  ranks: Uint32Array;
  scales: Float32Array;
  vectors: Int8Array;
  common: Float32Array | null;
  meta: Record<string, unknown>;
};

const align8 = (n: number) => (n + 7) & ~7;

/** The table's bytes. Deterministic: the same contents give the same bytes. */
export function serializeWordTable(t: WordTableContents): Buffer {
  const parts: [string, Buffer][] = [
    ["words", Buffer.from(t.words.join("\n"), "utf8")],
    ["ranks", Buffer.from(t.ranks.buffer, t.ranks.byteOffset, t.ranks.byteLength)],
    ["scales", Buffer.from(t.scales.buffer, t.scales.byteOffset, t.scales.byteLength)],
    ["vectors", Buffer.from(t.vectors.buffer, t.vectors.byteOffset, t.vectors.byteLength)],
  ];
  const sections: Record<string, [number, number]> = {};
  const header = {
    dim: t.dim,
    count: t.words.length,
    vocabularySize: t.vocabularySize,
    common: t.common ? Array.from(t.common) : null,
    meta: t.meta,
    sections,
  };
  // Offsets depend on the header's length and the header holds the offsets: reserve room.
  const headerLen = align8(Buffer.byteLength(JSON.stringify(header)) + 256);
  let offset = align8(8 + 4 + headerLen);
  for (const [name, buf] of parts) {
    sections[name] = [offset, buf.length];
    offset = align8(offset + buf.length);
  }
  const out = Buffer.alloc(offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(headerLen, 8);
  const headerBuf = Buffer.alloc(headerLen, 0x20);
  headerBuf.write(JSON.stringify(header), 0, "utf8");
  headerBuf.copy(out, 12);
  for (const [name, buf] of parts) buf.copy(out, sections[name]![0]);
  return out;
}

/** Reads a table from its bytes (views, not copies: keep the buffer alive). */
export function parseWordTable(input: Uint8Array): WordTable {
  // Typed-array views need an aligned base; a fresh readFileSync buffer normally is one.
  const buf = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 12 || b.toString("latin1", 0, 8) !== MAGIC) throw new Error("not a Mnemo word-vector table (bad magic)");
  const headerLen = b.readUInt32LE(8);
  const h = JSON.parse(b.toString("utf8", 12, 12 + headerLen)) as {
    dim: number;
    count: number;
    vocabularySize: number;
    common: number[] | null;
    meta: Record<string, unknown>;
    sections: Record<string, [number, number]>;
  };
  const section = (name: string) => {
    const s = h.sections[name];
    if (!s || s[0] + s[1] > b.length) throw new Error(`word-vector table: section ${name} is missing or truncated`);
    return s;
  };
  const [wordsOffset, wordsLength] = section("words");
  const [ranksOffset] = section("ranks");
  const [scalesOffset] = section("scales");
  const [vectorsOffset, vectorsLength] = section("vectors");
  const { count, dim } = h;
  if (vectorsLength !== count * dim) throw new Error("word-vector table: vectors section has the wrong size");

  // One pass over the "\n"-joined words: each word's offset and hash into an open-addressing
  // table (load factor < 0.4). No strings, no Map: those took 70-110 ms for 50k words.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset + wordsOffset, wordsLength);
  const offsets = new Uint32Array(count + 1);
  let size = 1;
  while (size < count * 2.5) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  let row = 0;
  let start = 0;
  for (let i = 0; i <= wordsLength; i++) {
    if (i < wordsLength && bytes[i] !== 10) continue;
    // The same hash as hash32 over the word's (ASCII) characters.
    let hsh = 0x811c9dc5;
    for (let k = start; k < i; k++) hsh = Math.imul(hsh ^ bytes[k]!, 0x01000193);
    let slot = finish32(hsh) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = row;
    offsets[row++] = start;
    start = i + 1;
  }
  offsets[count] = wordsLength + 1;
  if (row !== count) throw new Error("word-vector table: word count does not match the header");

  const find = (w: string): number => {
    let slot = hash32(w) & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === -1) return -1;
      const o = offsets[r]!;
      if (offsets[r + 1]! - 1 - o === w.length) {
        let k = 0;
        while (k < w.length && bytes[o + k] === w.charCodeAt(k)) k++;
        if (k === w.length) return r;
      }
      slot = (slot + 1) & mask;
    }
  };
  return {
    dim,
    count,
    vocabularySize: h.vocabularySize,
    find,
    word: (r) => b.toString("latin1", wordsOffset + offsets[r]!, wordsOffset + offsets[r + 1]! - 1),
    ranks: new Uint32Array(buf.buffer, buf.byteOffset + ranksOffset, count),
    scales: new Float32Array(buf.buffer, buf.byteOffset + scalesOffset, count),
    vectors: new Int8Array(buf.buffer, buf.byteOffset + vectorsOffset, count * dim),
    common: h.common ? Float32Array.from(h.common) : null,
    meta: h.meta,
  };
}
