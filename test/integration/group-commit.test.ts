// Group commit: batching, answers only after each item's own commit, several commits in flight, drain.
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/helpdesk/group-commit.ts';

/** A commit whose completion the test decides: each call is recorded with its batch and how to finish it. */
function controlledCommit() {
  const calls: Array<{ batch: number[]; finish: (results?: Array<number | Error>) => void; fail: (e: Error) => void }> =
    [];
  const commit = (batch: number[]) =>
    new Promise<Array<number | Error>>((resolve, reject) => {
      calls.push({ batch, finish: (results) => resolve(results ?? batch.map((n) => n * 10)), fail: reject });
    });
  return { calls, commit };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('commits the items that arrive together in one batch, and answers each only after that commit', async () => {
    const { calls, commit } = controlledCommit();
    const group = createGroupCommit(commit);
    const answers: number[] = [];
    const pending = [1, 2, 3].map((n) => group.submit(n).then((r) => answers.push(r)));
    await turn();
    expect(calls.map((c) => c.batch)).toEqual([[1, 2, 3]]);
    expect(answers).toEqual([]);
    calls[0]!.finish();
    await Promise.all(pending);
    expect(answers).toEqual([10, 20, 30]);
  });

  it('with one commit in flight, the next batch waits for it and takes everything that arrived meanwhile', async () => {
    const { calls, commit } = controlledCommit();
    const group = createGroupCommit(commit, { maxInFlight: 1 });
    const first = group.submit(1);
    await turn();
    const later = [2, 3, 4].map((n) => group.submit(n));
    await turn();
    expect(calls.map((c) => c.batch)).toEqual([[1]]);
    calls[0]!.finish();
    await first;
    await turn();
    await turn();
    expect(calls.map((c) => c.batch)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.finish();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('writes the next batch while earlier ones are still being made durable, up to maxInFlight', async () => {
    const { calls, commit } = controlledCommit();
    const group = createGroupCommit(commit, { maxInFlight: 2 });
    const answers = new Map<number, number>();
    const submit = (n: number) => group.submit(n).then((r) => answers.set(n, r));
    const all = [submit(1)];
    await turn();
    all.push(submit(2));
    await turn();
    all.push(submit(3));
    await turn();
    // Two in flight: the third waits for a free slot.
    expect(calls.map((c) => c.batch)).toEqual([[1], [2]]);
    calls[1]!.finish();
    await turn();
    await turn();
    expect(answers).toEqual(new Map([[2, 20]]));
    expect(calls.map((c) => c.batch)).toEqual([[1], [2], [3]]);
    calls[0]!.finish();
    calls[2]!.finish();
    await Promise.all(all);
    expect(answers).toEqual(
      new Map([
        [2, 20],
        [1, 10],
        [3, 30],
      ]),
    );
  });

  it('fails only the items of a failed commit, and each item answered with an Error', async () => {
    const { calls, commit } = controlledCommit();
    const group = createGroupCommit(commit, { maxBatch: 2 });
    const results = [1, 2, 3].map((n) => group.submit(n).then(String, (e: Error) => `error: ${e.message}`));
    await turn();
    calls[0]!.finish([10, new Error('duplicate')]);
    await turn();
    await turn();
    calls[1]!.fail(new Error('disk full'));
    expect(await Promise.all(results)).toEqual(['10', 'error: duplicate', 'error: disk full']);
  });

  it('drain resolves once every submitted item is answered', async () => {
    const { calls, commit } = controlledCommit();
    const group = createGroupCommit(commit, { maxInFlight: 2 });
    await group.drain();
    const items = [group.submit(1), group.submit(2)];
    let drained = false;
    const draining = group.drain().then(() => (drained = true));
    await turn();
    expect(drained).toBe(false);
    calls[0]!.finish();
    await Promise.all([...items, draining]);
    expect(drained).toBe(true);
  });
});
