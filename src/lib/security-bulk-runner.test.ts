import { describe, expect, it } from 'vitest';
import { createBulkRun } from './bulk-runner.ts';

// A bulk run (delete, add to group, grant) must never apply an item twice (ASVS V2.3): whatever the person clicks while
// four actions are in flight, each item's action runs once per run it belongs to, and a retry covers only failures.

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('A bulk run', () => {
  it('[ASVS 2.3.4] with four in flight, repeated Start and Retry clicks never run an item’s action twice', async () => {
    const items = Array.from({ length: 12 }, (_, i) => `item-${i}`);
    const calls = new Map<string, number>();
    const pending = new Map<string, ReturnType<typeof deferred>>();
    const run = createBulkRun(
      items,
      (item) => {
        calls.set(item, (calls.get(item) ?? 0) + 1);
        const gate = deferred();
        pending.set(item, gate);
        return gate.promise;
      },
      { key: (item) => item, concurrency: 4 },
    );
    // Start pressed three times and Retry twice while the first four are still in flight.
    const runs = [run.start(), run.start(), run.retryFailed(), run.start(), run.retryFailed()];
    const settle = async () => {
      await Promise.resolve();
      await Promise.resolve();
    };
    // Every third item fails; the rest succeed, as each gate opens.
    for (let round = 0; round < 12 && pending.size > 0; round += 1) {
      for (const [item, gate] of [...pending]) {
        pending.delete(item);
        if (Number(item.split('-')[1]) % 3 === 0) gate.reject(new Error('refused'));
        else gate.resolve();
      }
      await settle();
      void run.retryFailed();
      void run.start();
      await settle();
    }
    const snapshots = await Promise.all(runs);
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0]?.counts).toMatchObject({ total: 12, succeeded: 8, failed: 4 });
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(calls.size).toBe(12);

    // Retry failed runs the four failures once more, and never an item that succeeded.
    const retried = run.retryFailed();
    void run.retryFailed();
    for (const [, gate] of pending) gate.resolve();
    await settle();
    for (const [item, gate] of [...pending]) {
      pending.delete(item);
      gate.resolve();
    }
    const final = await retried;
    expect(final.counts).toMatchObject({ succeeded: 12, failed: 0 });
    for (const item of items) expect(calls.get(item), item).toBe(Number(item.split('-')[1]) % 3 === 0 ? 2 : 1);
  });

  it('[ASVS 2.3.4] refuses two items with one key before anything runs, so one change cannot be listed twice', () => {
    let ran = 0;
    const action = () => {
      ran += 1;
      return Promise.resolve();
    };
    expect(() => createBulkRun(['alice', 'bob', 'alice'], action, { key: (uid) => uid })).toThrow(
      'Duplicate bulk item key: "alice".',
    );
    expect(ran).toBe(0);
  });
});
