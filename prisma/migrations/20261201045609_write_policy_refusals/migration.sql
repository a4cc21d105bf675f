-- AlterTable
ALTER TABLE "memory_write_events" ADD COLUMN     "reason" VARCHAR(32);

-- Hand-written (lib/db/migrations/migration-hand-written.ts): the write policy's refusals and the
-- scrub command's redactions are audited as operations of their own.
ALTER TABLE "memory_write_events" DROP CONSTRAINT "memory_write_events_operation_check";
ALTER TABLE "memory_write_events" ADD CONSTRAINT "memory_write_events_operation_check"
  CHECK ("operation" IN ('create', 'supersede', 'delete', 'confirm', 'reject', 'propose', 'refuse', 'redact'));
