// Group commit: tickets that arrive while a commit is in flight wait and go together in the next one, so many
// concurrent tickets cost one durable write (one fsync) instead of one each. Each caller is answered only after
// the commit holding its own ticket is durable.

export interface GroupCommit<Item, Result> {
  submit(item: Item): Promise<Result>;
  /** Resolves once every submitted item is committed (or failed). */
  drain(): Promise<void>;
}

/**
 * `commit` writes a whole batch durably and returns one result (or Error) per item, in order; if it throws,
 * every item of the batch fails with that error.
 */
export function createGroupCommit<Item, Result>(
  commit: (batch: Item[]) => Promise<Array<Result | Error>>,
  options: { maxBatch?: number } = {},
): GroupCommit<Item, Result> {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Array<{ item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  let inFlight: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await commit(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => {
          const result = results[i];
          if (result instanceof Error || result === undefined) entry.reject(result ?? new Error('not committed'));
          else entry.resolve(result);
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    inFlight = undefined;
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Wait one turn of the event loop, so requests being parsed right now join this batch.
        inFlight ??= new Promise<void>((done) => setImmediate(done)).then(flush);
      });
    },
    async drain() {
      while (inFlight) await inFlight;
    },
  };
}
