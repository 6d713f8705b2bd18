// The wait between turns of a background loop (ticket delivery, status notifications): a timer that `wake()`
// ends early, when new work is stored or the loop is told to stop.
export interface Sleeper {
  /** Resolves after `ms` (0 if negative), or at the next wake(), whichever comes first. */
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createSleeper(): Sleeper {
  let wakeUp: () => void = () => {};
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        wakeUp = done;
      }),
    wake: () => wakeUp(),
  };
}
