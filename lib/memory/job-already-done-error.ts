/**
 * Thrown inside a write's transaction when the queued job it performs was already completed
 * by another worker (a reclaimed stale claim): the transaction rolls back, so the effect
 * happens once. Only the write worker sees it.
 */
export class JobAlreadyDoneError extends Error {
  constructor(readonly jobId: string) {
    super(`memory write job ${jobId} is already done`);
    this.name = "JobAlreadyDoneError";
  }
}
