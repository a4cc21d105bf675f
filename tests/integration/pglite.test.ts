// The embedded database (no DATABASE_URL): migrations apply to a PGlite data dir, survive a
// reopen, and pgvector plus the generated tsvector column work through Prisma raw queries.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openPglite } from "@/lib/db/open-pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";

const DIMENSIONS = 384;

/** A unit vector pointing mostly along `axis`, so cosine distances are easy to predict. */
function embedding(axis: number, tilt = 0): number[] {
  const v = Array.from({ length: DIMENSIONS }, () => 0);
  v[axis] = 1;
  v[(axis + 1) % DIMENSIONS] = tilt;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}
const asVector = (v: number[]) => `[${v.join(",")}]`;

describe("PGlite data dir", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-pglite-"));
  let pglite: PGlite;
  let prisma: PrismaClient;

  beforeAll(async () => {
    pglite = openPglite({ dataDir });
    const first = await applyMigrations({ pglite });
    expect(first.applied.length).toBeGreaterThan(0);
    // Reopen, as the app does after `npm run db:migrate` exits: the history must persist.
    await pglite.close();
    pglite = new PGlite({ dataDir, extensions: { vector } });
    expect(await applyMigrations({ pglite })).toEqual({ applied: [] });
    prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await pglite?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("stores 384-d embeddings and finds the nearest by cosine distance", async () => {
    const user = await prisma.user.create({ data: { name: "Vec", email: "vec@example.test" } });
    const memories = [
      { content: "Prefers dark roast coffee", axis: 0 },
      { content: "Lives in Lisbon", axis: 10 },
      { content: "Works on the billing team", axis: 20 },
    ];
    for (const m of memories) {
      await prisma.$executeRaw`
        INSERT INTO memory_items (id, user_id, content, type, embedding, updated_at)
        VALUES (gen_random_uuid(), ${user.id}::uuid, ${m.content}, 'fact', ${asVector(embedding(m.axis))}::vector, now())`;
    }

    const query = asVector(embedding(10, 0.3));
    const rows = z
      .array(z.object({ content: z.string(), distance: z.number() }))
      .parse(
        await prisma.$queryRaw`
          SELECT content, (embedding <=> ${query}::vector)::float8 AS distance
          FROM memory_items WHERE user_id = ${user.id}::uuid
          ORDER BY embedding <=> ${query}::vector LIMIT 2`,
      );
    expect(rows.map((r) => r.content)).toEqual(["Lives in Lisbon", expect.any(String)]);
    expect(rows[0]!.distance).toBeCloseTo(1 - 1 / Math.hypot(1, 0.3), 5);
    expect(rows[1]!.distance).toBeCloseTo(1, 5);
  });

  it("keeps search_vector generated from content for full-text search", async () => {
    const user = await prisma.user.create({ data: { name: "Fts", email: "fts@example.test" } });
    await prisma.$executeRaw`
      INSERT INTO memory_items (id, user_id, content, type, updated_at) VALUES
        (gen_random_uuid(), ${user.id}::uuid, 'Is learning to play the violin', 'fact', now()),
        (gen_random_uuid(), ${user.id}::uuid, 'Allergic to peanuts', 'fact', now())`;

    const rows = z
      .array(z.object({ content: z.string() }))
      .parse(
        await prisma.$queryRaw`
          SELECT content FROM memory_items
          WHERE user_id = ${user.id}::uuid AND search_vector @@ plainto_tsquery('english', ${"playing violins"})`,
      );
    expect(rows).toEqual([{ content: "Is learning to play the violin" }]);

    // Generated, so it follows edits to content and cannot be written directly.
    await prisma.memoryItem.updateMany({ where: { userId: user.id, content: "Allergic to peanuts" }, data: { content: "Allergic to shellfish" } });
    const shellfish = await prisma.$queryRaw<unknown[]>`
      SELECT 1 FROM memory_items WHERE user_id = ${user.id}::uuid AND search_vector @@ plainto_tsquery('english', 'shellfish')`;
    expect(shellfish).toHaveLength(1);
    await expect(
      prisma.$executeRaw`UPDATE memory_items SET search_vector = to_tsvector('x') WHERE user_id = ${user.id}::uuid`,
    ).rejects.toThrow();
  });
});
