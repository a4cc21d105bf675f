-- AlterTable
ALTER TABLE "memory_items" ADD COLUMN     "embedding_model" VARCHAR(120),
ADD COLUMN     "expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "memory_recalls" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "memory_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "relevance" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memory_recalls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_deletions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "counts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_deletions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "memory_recalls_user_id_memory_id_created_at_idx" ON "memory_recalls"("user_id", "memory_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "memory_recalls_message_id_memory_id_key" ON "memory_recalls"("message_id", "memory_id");

-- CreateIndex
CREATE INDEX "account_deletions_created_at_idx" ON "account_deletions"("created_at");

-- CreateIndex
CREATE INDEX "memory_items_expires_at_idx" ON "memory_items"("expires_at");

-- AddForeignKey
ALTER TABLE "memory_recalls" ADD CONSTRAINT "memory_recalls_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_recalls" ADD CONSTRAINT "memory_recalls_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_recalls" ADD CONSTRAINT "memory_recalls_memory_id_fkey" FOREIGN KEY ("memory_id") REFERENCES "memory_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (lib/db/migrations/migration-hand-written.ts).
-- Embeddings of any dimension: the column loses its fixed vector(384) type, and each embedding
-- model's vectors get a partial HNSW expression index of their own (created for the configured
-- model by lib/embeddings/ensure-embedding-index.ts, at migrate time and by memories:reembed).
-- Rows embedded before provenance was recorded keep embedding_model NULL: unknown space, left
-- out of vector search and dedup until `npm run memories:reembed` re-embeds them.
DROP INDEX IF EXISTS "memory_items_embedding_hnsw_idx";
ALTER TABLE "memory_items" ALTER COLUMN "embedding" TYPE vector;

-- Expiry (the sweep marks memories past expires_at), and the receipts of erasure.
ALTER TABLE "memory_items" DROP CONSTRAINT "memory_items_status_check";
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_status_check"
  CHECK ("status" IN ('active', 'pending', 'superseded', 'deleted', 'rejected', 'expired'));
ALTER TABLE "memory_write_events" DROP CONSTRAINT "memory_write_events_operation_check";
ALTER TABLE "memory_write_events" ADD CONSTRAINT "memory_write_events_operation_check"
  CHECK ("operation" IN ('create', 'supersede', 'delete', 'confirm', 'reject', 'propose', 'refuse', 'redact', 'erase', 'expire'));
