// Group commit: tickets that arrive while commits are in flight wait and go together in the next one, so many
// concurrent tickets cost one durable write (one fsync) instead of one each. Each caller is answered only after
// the commit holding its own ticket is durable. The same batching serves reads asked by every request (the
// PostgreSQL outbox's idempotency-key lookups: one query for all the keys asked in one turn).

export interface GroupCommit<Item, Result> {
  submit(item: Item): Promise<Result>;
  /** Resolves once every submitted item is committed (or failed). */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  /** At most this many items in one commit. */
  maxBatch?: number;
  /**
   * Commits that may wait for their fsync at once. With 1, a batch waits for the previous batch's fsync; with
   * more, the next batch is written while the disk is still flushing the last one (the engines keep commits in
   * order: SQLite writes each batch in one synchronous step, PostgreSQL orders its own log).
   */
  maxInFlight?: number;
}

/**
 * `commit` writes a whole batch durably and returns one result (or Error) per item, in order; if it throws,
 * every item of the batch fails with that error.
 */
export function createGroupCommit<Item, Result>(
  commit: (batch: Item[]) => Promise<Array<Result | Error>>,
  options: GroupCommitOptions = {},
): GroupCommit<Item, Result> {
  const maxBatch = options.maxBatch ?? 256;
  const maxInFlight = options.maxInFlight ?? 1;
  const queue: Array<{ item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  let inFlight = 0;
  let scheduled = false;
  const idle: Array<() => void> = [];

  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // Wait one turn of the event loop, so requests being parsed right now join this batch.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    commit(batch.map((entry) => entry.item))
      .then(
        (results) =>
          batch.forEach((entry, i) => {
            const result = results[i];
            if (result instanceof Error || result === undefined) entry.reject(result ?? new Error('not committed'));
            else entry.resolve(result);
          }),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      )
      .finally(() => {
        inFlight--;
        schedule();
        if (inFlight === 0 && queue.length === 0) for (const done of idle.splice(0)) done();
      });
    schedule();
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((done) => idle.push(done));
    },
  };
}
