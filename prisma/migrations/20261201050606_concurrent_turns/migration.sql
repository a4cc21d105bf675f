-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "client_id" VARCHAR(100),
ADD COLUMN     "reply_to_id" UUID;

-- CreateIndex
CREATE INDEX "messages_reply_to_id_idx" ON "messages"("reply_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_conversation_id_client_id_key" ON "messages"("conversation_id", "client_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_id_fkey" FOREIGN KEY ("reply_to_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (lib/db/migrations/migration-hand-written.ts): at most one live episode job per
-- conversation. Concurrent turns could each queue one; extra ones left by that bug are closed
-- first (the oldest live job of each conversation is kept).
UPDATE "memory_write_jobs" j
SET "status" = 'failed', "last_error" = 'duplicate episode job closed by migration 20261201050606', "finished_at" = COALESCE(j."finished_at", now()), "updated_at" = now()
WHERE j."kind" = 'episode' AND j."status" <> 'failed'
  AND EXISTS (
    SELECT 1 FROM "memory_write_jobs" o
    WHERE o."kind" = 'episode' AND o."status" <> 'failed' AND o."conversation_id" = j."conversation_id"
      AND (o."created_at", o."id") < (j."created_at", j."id")
  );
CREATE UNIQUE INDEX "memory_write_jobs_one_live_episode_idx" ON "memory_write_jobs"("conversation_id")
  WHERE "kind" = 'episode' AND "status" <> 'failed';
