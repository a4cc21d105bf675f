-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" VARCHAR(16) NOT NULL DEFAULT 'user',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL DEFAULT 'New chat',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "parts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memory_items" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "embedding" vector(384),
    -- Hand-written: Prisma cannot model generated columns (schema.prisma declares it Unsupported).
    "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "content")) STORED,
    "importance" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    "source_message_id" UUID,
    "source_conversation_id" UUID,
    "superseded_by" UUID,
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "memory_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memory_write_events" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "memory_item_id" UUID,
    "user_id" UUID NOT NULL,
    "operation" VARCHAR(16) NOT NULL,
    "confidence" DOUBLE PRECISION,
    "extraction_type" VARCHAR(32),
    "before_content" TEXT,
    "after_content" TEXT,
    "correlation_id" UUID,
    "processing_time_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memory_write_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memory_write_jobs" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "conversation_id" UUID,
    "kind" VARCHAR(16) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "last_error" TEXT,
    "correlation_id" UUID NOT NULL,
    "locked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "memory_write_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE INDEX "conversations_user_id_updated_at_idx" ON "conversations"("user_id", "updated_at");

-- CreateIndex
CREATE INDEX "messages_conversation_id_created_at_idx" ON "messages"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "memory_items_user_id_status_idx" ON "memory_items"("user_id", "status");

-- CreateIndex
CREATE INDEX "memory_items_user_id_created_at_idx" ON "memory_items"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "memory_items_source_conversation_id_idx" ON "memory_items"("source_conversation_id");

-- CreateIndex
CREATE UNIQUE INDEX "memory_write_events_seq_key" ON "memory_write_events"("seq");

-- CreateIndex
CREATE INDEX "memory_write_events_user_id_idx" ON "memory_write_events"("user_id");

-- CreateIndex
CREATE INDEX "memory_write_events_memory_item_id_idx" ON "memory_write_events"("memory_item_id");

-- CreateIndex
CREATE INDEX "memory_write_events_user_id_created_at_idx" ON "memory_write_events"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "memory_write_events_created_at_idx" ON "memory_write_events"("created_at");

-- CreateIndex
CREATE INDEX "memory_write_events_correlation_id_idx" ON "memory_write_events"("correlation_id");

-- CreateIndex
CREATE INDEX "memory_write_jobs_status_created_at_idx" ON "memory_write_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "memory_write_jobs_user_id_status_idx" ON "memory_write_jobs"("user_id", "status");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_source_message_id_fkey" FOREIGN KEY ("source_message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_source_conversation_id_fkey" FOREIGN KEY ("source_conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_superseded_by_fkey" FOREIGN KEY ("superseded_by") REFERENCES "memory_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_write_events" ADD CONSTRAINT "memory_write_events_memory_item_id_fkey" FOREIGN KEY ("memory_item_id") REFERENCES "memory_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_write_events" ADD CONSTRAINT "memory_write_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_write_jobs" ADD CONSTRAINT "memory_write_jobs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_write_jobs" ADD CONSTRAINT "memory_write_jobs_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------
-- Hand-written below: what schema.prisma cannot express. Keep every object named here in
-- lib/db/migration-hand-written.ts so the drift check (and new migrations) leave it alone.
-- ---------------------------------------------------------------------------------------

-- AddCheckConstraint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("role" IN ('user', 'admin'));

-- AddCheckConstraint
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_type_check" CHECK ("type" IN ('fact', 'preference', 'decision', 'note', 'episode'));
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_status_check" CHECK ("status" IN ('active', 'pending', 'superseded', 'deleted', 'rejected'));
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_content_length_check" CHECK (char_length("content") BETWEEN 1 AND 2000);
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_importance_check" CHECK ("importance" >= 0 AND "importance" <= 1);
ALTER TABLE "memory_items" ADD CONSTRAINT "memory_items_confidence_check" CHECK ("confidence" >= 0 AND "confidence" <= 1);

-- AddCheckConstraint
ALTER TABLE "memory_write_events" ADD CONSTRAINT "memory_write_events_operation_check" CHECK ("operation" IN ('create', 'supersede', 'delete', 'confirm', 'reject', 'propose'));

-- AddCheckConstraint
ALTER TABLE "memory_write_jobs" ADD CONSTRAINT "memory_write_jobs_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed'));

-- CreateIndex: approximate nearest neighbours by cosine distance (embedding <=> query)
CREATE INDEX "memory_items_embedding_hnsw_idx" ON "memory_items" USING hnsw ("embedding" vector_cosine_ops);

-- CreateIndex: full-text search (search_vector @@ plainto_tsquery('english', ...))
CREATE INDEX "memory_items_search_vector_idx" ON "memory_items" USING gin ("search_vector");

-- CreateIndex: following supersession chains backwards
CREATE INDEX "memory_items_superseded_by_idx" ON "memory_items" ("superseded_by") WHERE "superseded_by" IS NOT NULL;

-- CreateIndex: the write worker's queue scan
CREATE INDEX "memory_write_jobs_pending_idx" ON "memory_write_jobs" ("created_at") WHERE "status" IN ('queued', 'running');
