-- CreateIndex
CREATE INDEX "memory_write_events_user_id_seq_idx" ON "memory_write_events"("user_id", "seq");
