import { describe, expect, it, vi } from 'vitest';
import { type BulkSnapshot, createBulkRun } from './bulk-runner.ts';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and promise continuation run. */
function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An action whose calls finish only when the test says so, recording what is in flight. */
function controllableAction() {
  const calls = new Map<string, { deferred: Deferred; signal: AbortSignal }>();
  const started: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const action = vi.fn(async (item: string, signal: AbortSignal) => {
    const call = { deferred: deferred(), signal };
    calls.set(item, call);
    started.push(item);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await call.deferred.promise;
    } finally {
      inFlight -= 1;
    }
  });
  const call = (item: string) => {
    const found = calls.get(item);
    if (!found) throw new Error(`${item} was not started`);
    return found;
  };
  return { action, started, call, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

const names = (count: number) => Array.from({ length: count }, (_, i) => `item-${i + 1}`);
const statuses = <T>(snapshot: BulkSnapshot<T>) => snapshot.items.map((item) => item.status);
const keysWith = <T>(snapshot: BulkSnapshot<T>, status: string) =>
  snapshot.items.filter((item) => item.status === status).map((item) => item.key);
const identity = (item: string) => item;

describe('createBulkRun', () => {
  it('runs nothing until started, then succeeds every item once', async () => {
    const action = vi.fn<(item: string) => Promise<void>>(async () => {
      await Promise.resolve();
    });
    const run = createBulkRun(names(10), action, { key: identity, concurrency: 3 });

    expect(action).not.toHaveBeenCalled();
    expect(run.getSnapshot()).toMatchObject({ running: false, done: false, counts: { total: 10, pending: 10 } });

    const summary = await run.start();

    expect(summary.counts).toEqual({ total: 10, pending: 0, running: 0, succeeded: 10, failed: 0, cancelled: 0 });
    expect(summary.running).toBe(false);
    expect(summary.done).toBe(true);
    expect(summary.items.map((item) => item.key)).toEqual(names(10));
    expect(statuses(summary).every((status) => status === 'succeeded')).toBe(true);
    expect(action.mock.calls.map(([item]) => item).sort()).toEqual(names(10).sort());
    expect(run.getSnapshot()).toBe(summary);
  });

  it('uses the key function and keeps the original items in results', async () => {
    const users = [
      { uid: 'alice', name: 'Alice' },
      { uid: 'bob', name: 'Bob' },
    ];
    const seen: string[] = [];
    const run = createBulkRun(
      users,
      async (user) => {
        seen.push(user.name);
        await Promise.resolve();
      },
      { key: (user) => user.uid },
    );

    const summary = await run.start();

    expect(summary.items.map(({ key, item }) => [key, item])).toEqual([
      ['alice', users[0]],
      ['bob', users[1]],
    ]);
    expect(seen).toEqual(['Alice', 'Bob']);
  });

  it('records exactly the failing items when every 7th of 500 fails', async () => {
    const items = names(500);
    const failing = new Set(items.filter((_, i) => (i + 1) % 7 === 0));
    const run = createBulkRun(
      items,
      async (item) => {
        // Finish after a varying number of turns, so completion order differs from input order.
        for (let turn = 0; turn < item.length % 5; turn += 1) await Promise.resolve();
        if (failing.has(item)) throw new Error(`${item} is not allowed`);
      },
      { key: identity, concurrency: 8 },
    );

    const summary = await run.start();

    expect(failing.size).toBe(71);
    expect(summary.counts).toEqual({ total: 500, pending: 0, running: 0, succeeded: 429, failed: 71, cancelled: 0 });
    expect(summary.items.map((item) => item.key)).toEqual(items);
    expect(keysWith(summary, 'failed')).toEqual([...failing]);
    for (const item of summary.items) {
      if (item.status === 'failed') expect(item.error).toBe(`${item.key} is not allowed`);
      else expect(item).not.toHaveProperty('error');
    }
  });

  it('retries only the failed items and keeps the successes', async () => {
    const items = names(50);
    const failing = new Set(items.filter((_, i) => (i + 1) % 7 === 0));
    const calls = new Map<string, number>();
    const run = createBulkRun(
      items,
      async (item) => {
        calls.set(item, (calls.get(item) ?? 0) + 1);
        await Promise.resolve();
        if (failing.has(item)) throw new Error('conflict');
      },
      { key: identity },
    );
    const first = await run.start();
    expect(first.counts.failed).toBe(7);

    // The cause is fixed for all but one of them.
    failing.clear();
    failing.add('item-49');
    const retried = run.retryFailed();
    expect(run.getSnapshot()).toMatchObject({ running: true, done: false });
    expect(keysWith(run.getSnapshot(), 'failed')).toEqual([]);
    const second = await retried;

    expect(second.counts).toEqual({ total: 50, pending: 0, running: 0, succeeded: 49, failed: 1, cancelled: 0 });
    expect(keysWith(second, 'failed')).toEqual(['item-49']);
    expect(second.done).toBe(true);
    for (const item of items) expect(calls.get(item)).toBe((items.indexOf(item) + 1) % 7 === 0 ? 2 : 1);

    failing.clear();
    const third = await run.retryFailed();
    expect(third.counts.succeeded).toBe(50);
    expect(calls.get('item-49')).toBe(3);
    expect(calls.get('item-42')).toBe(2);
    expect(calls.get('item-1')).toBe(1);
  });

  it('does nothing on retryFailed when nothing failed, or before it started', async () => {
    const action = vi.fn(async () => {
      await Promise.resolve();
    });
    const run = createBulkRun(['a', 'b'], action, { key: identity });

    const before = run.getSnapshot();
    await expect(run.retryFailed()).resolves.toBe(before);
    expect(action).not.toHaveBeenCalled();
    expect(run.getSnapshot()).toBe(before);

    await run.start();
    await run.retryFailed();
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('never has more than `concurrency` actions in flight, starting the next as each finishes', async () => {
    const { action, started, call, inFlight, maxInFlight } = controllableAction();
    const run = createBulkRun(names(10), action, { key: identity, concurrency: 3 });

    const finished = run.start();
    await flush();
    expect(started).toEqual(['item-1', 'item-2', 'item-3']);
    expect(statuses(run.getSnapshot())).toEqual(['running', 'running', 'running', ...Array<string>(7).fill('pending')]);

    call('item-2').deferred.resolve();
    await flush();
    expect(started).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
    expect(inFlight()).toBe(3);

    call('item-1').deferred.reject(new Error('boom'));
    call('item-3').deferred.resolve();
    await flush();
    expect(started).toHaveLength(6);
    expect(inFlight()).toBe(3);

    for (let i = 4; i <= 10; i += 1) {
      call(`item-${i}`).deferred.resolve();
      await flush();
      expect(inFlight()).toBeLessThanOrEqual(3);
    }
    const summary = await finished;
    expect(maxInFlight()).toBe(3);
    expect(summary.counts).toMatchObject({ succeeded: 9, failed: 1 });
    expect(keysWith(summary, 'failed')).toEqual(['item-1']);
  });

  it('runs four at a time by default and one at a time when asked', async () => {
    const four = controllableAction();
    void createBulkRun(names(6), four.action, { key: identity }).start();
    await flush();
    expect(four.started).toHaveLength(4);

    const one = controllableAction();
    void createBulkRun(names(6), one.action, { key: identity, concurrency: 1 }).start();
    await flush();
    expect(one.started).toEqual(['item-1']);
  });

  it('reports results in input order whatever order the actions finish in', async () => {
    const { action, call } = controllableAction();
    const run = createBulkRun(['a', 'b', 'c', 'd'], action, { key: identity, concurrency: 4 });
    const finished = run.start();
    await flush();

    call('d').deferred.resolve();
    call('c').deferred.reject(new Error('c failed'));
    await flush();
    expect(statuses(run.getSnapshot())).toEqual(['running', 'running', 'failed', 'succeeded']);
    call('b').deferred.resolve();
    call('a').deferred.reject(new Error('a failed'));

    const summary = await finished;
    expect(summary.items.map(({ key, status }) => [key, status])).toEqual([
      ['a', 'failed'],
      ['b', 'succeeded'],
      ['c', 'failed'],
      ['d', 'succeeded'],
    ]);
  });

  it('on cancel starts nothing more, aborts the running actions and waits for them to settle', async () => {
    const { action, started, call } = controllableAction();
    const run = createBulkRun(names(10), action, { key: identity, concurrency: 3 });
    const finished = run.start();
    await flush();
    call('item-1').deferred.resolve();
    await flush();
    expect(started).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);

    run.cancel();

    expect(call('item-2').signal.aborted).toBe(true);
    expect(call('item-3').signal.aborted).toBe(true);
    expect(statuses(run.getSnapshot())).toEqual([
      'succeeded',
      'running',
      'running',
      'running',
      ...Array<string>(6).fill('cancelled'),
    ]);
    expect(run.getSnapshot()).toMatchObject({ running: true, done: false });

    // Once aborted, a rejection counts as cancelled whatever its error; an action that completes anyway succeeded.
    call('item-2').deferred.reject(call('item-2').signal.reason);
    call('item-3').deferred.reject(new Error('network'));
    await flush();
    expect(run.getSnapshot().done).toBe(false);
    call('item-4').deferred.resolve();

    const summary = await finished;
    expect(statuses(summary)).toEqual([
      'succeeded',
      'cancelled',
      'cancelled',
      'succeeded',
      ...Array<string>(6).fill('cancelled'),
    ]);
    expect(summary.counts).toEqual({ total: 10, pending: 0, running: 0, succeeded: 2, failed: 0, cancelled: 8 });
    expect(summary).toMatchObject({ running: false, done: true });
    await flush();
    expect(started).toHaveLength(4);
    expect(action).toHaveBeenCalledTimes(4);
  });

  it('keeps the results of items that finished before the cancel', async () => {
    const { action, call } = controllableAction();
    const run = createBulkRun(['a', 'b', 'c'], action, { key: identity, concurrency: 3 });
    const finished = run.start();
    await flush();
    call('a').deferred.resolve();
    call('b').deferred.reject(new Error('denied'));
    await flush();

    run.cancel();
    run.cancel();
    call('c').deferred.reject(call('c').signal.reason);

    const summary = await finished;
    expect(summary.items).toEqual([
      { key: 'a', item: 'a', status: 'succeeded' },
      { key: 'b', item: 'b', status: 'failed', error: 'denied' },
      { key: 'c', item: 'c', status: 'cancelled' },
    ]);
  });

  it('can retry the failed items after a cancel, leaving the cancelled ones alone', async () => {
    const { action, call } = controllableAction();
    const run = createBulkRun(['a', 'b', 'c'], action, { key: identity, concurrency: 1 });
    const first = run.start();
    await flush();
    call('a').deferred.reject(new Error('denied'));
    await flush();
    run.cancel();
    call('b').deferred.reject(call('b').signal.reason);
    expect(statuses(await first)).toEqual(['failed', 'cancelled', 'cancelled']);

    const second = run.retryFailed();
    await flush();
    expect(call('a').signal.aborted).toBe(false);
    call('a').deferred.resolve();

    expect(statuses(await second)).toEqual(['succeeded', 'cancelled', 'cancelled']);
    expect(action).toHaveBeenCalledTimes(3);
  });

  it('cancelled before it starts, runs nothing', async () => {
    const action = vi.fn(async () => {
      await Promise.resolve();
    });
    const run = createBulkRun(['a', 'b'], action, { key: identity });

    run.cancel();
    const summary = await run.start();

    expect(action).not.toHaveBeenCalled();
    expect(summary).toMatchObject({ running: false, done: true, counts: { total: 2, cancelled: 2 } });
  });

  it('finishes at once for empty input', async () => {
    const action = vi.fn(async () => {
      await Promise.resolve();
    });
    const run = createBulkRun([], action, { key: identity });

    const summary = await run.start();

    expect(action).not.toHaveBeenCalled();
    expect(summary).toEqual({
      items: [],
      counts: { total: 0, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 },
      running: false,
      done: true,
    });
  });

  it('rejects duplicate keys when created, before running anything', () => {
    const action = vi.fn(async () => {
      await Promise.resolve();
    });

    expect(() => createBulkRun(['alice', 'bob', 'alice'], action, { key: identity })).toThrow(
      'Duplicate bulk item key: "alice".',
    );
    expect(() => createBulkRun([{ id: 1 }, { id: 1 }], action, { key: (item) => String(item.id) })).toThrow(Error);
    expect(action).not.toHaveBeenCalled();
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a concurrency of %s', (concurrency) => {
    expect(() => createBulkRun(['a'], async () => Promise.resolve(), { key: identity, concurrency })).toThrow(
      RangeError,
    );
  });

  it('starts once however often start is called', async () => {
    const action = vi.fn(async () => {
      await Promise.resolve();
    });
    const run = createBulkRun(['a', 'b'], action, { key: identity });

    const first = run.start();
    expect(run.start()).toBe(first);
    await first;
    expect(run.start()).toBe(first);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('returns the current run from retryFailed while one is under way', async () => {
    const { action, call } = controllableAction();
    const run = createBulkRun(['a'], action, { key: identity });
    const first = run.start();
    await flush();

    expect(run.retryFailed()).toBe(first);
    call('a').deferred.resolve();
    await first;
    expect(action).toHaveBeenCalledTimes(1);
  });

  describe('errors', () => {
    it('captures thrown non-Errors, synchronous throws and rejections without rejecting the run', async () => {
      const run = createBulkRun(
        ['rejects', 'throws', 'string', 'object', 'ok'],
        (item) => {
          if (item === 'throws') throw new TypeError('thrown synchronously');
          if (item === 'rejects') return Promise.reject(new Error('plain rejection'));
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- untyped code may reject so
          if (item === 'string') return Promise.reject('HTTP 500');
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- untyped code may reject so
          if (item === 'object') return Promise.reject({ code: 409 });
          return Promise.resolve();
        },
        { key: identity },
      );

      const summary = await run.start();

      expect(summary.items).toEqual([
        { key: 'rejects', item: 'rejects', status: 'failed', error: 'plain rejection' },
        { key: 'throws', item: 'throws', status: 'failed', error: 'thrown synchronously' },
        { key: 'string', item: 'string', status: 'failed', error: 'HTTP 500' },
        { key: 'object', item: 'object', status: 'failed', error: '[object Object]' },
        { key: 'ok', item: 'ok', status: 'succeeded' },
      ]);
    });

    it('describes errors with describeError, falling back to the message if it throws', async () => {
      const run = createBulkRun(['a', 'b'], (item) => Promise.reject(new Error(`raw ${item}`)), {
        key: identity,
        describeError: (error) => {
          if (error instanceof Error && error.message === 'raw b') throw new Error('describer broke');
          return `described: ${String(error)}`;
        },
      });

      const summary = await run.start();

      expect(summary.items).toEqual([
        { key: 'a', item: 'a', status: 'failed', error: 'described: Error: raw a' },
        { key: 'b', item: 'b', status: 'failed', error: 'raw b' },
      ]);
    });

    it('keeps running when a listener throws, and reports that error separately', async () => {
      const reported: (() => void)[] = [];
      vi.stubGlobal('queueMicrotask', (callback: () => void) => reported.push(callback));
      try {
        const run = createBulkRun(['a', 'b'], async () => Promise.resolve(), { key: identity });
        run.subscribe(() => {
          throw new Error('listener broke');
        });
        const seen = vi.fn();
        run.subscribe(seen);

        const summary = await run.start();

        expect(summary.counts.succeeded).toBe(2);
        expect(seen).toHaveBeenCalled();
        expect(reported.length).toBeGreaterThan(0);
        expect(reported[0]).toThrow('listener broke');
      } finally {
        vi.unstubAllGlobals();
      }
    });
  });

  describe('snapshots', () => {
    it('return the same object until something changes, and a new frozen one after', async () => {
      const { action, call } = controllableAction();
      const run = createBulkRun(['a', 'b'], action, { key: identity, concurrency: 1 });
      const initial = run.getSnapshot();
      expect(run.getSnapshot()).toBe(initial);
      expect(Object.isFrozen(initial)).toBe(true);
      expect(Object.isFrozen(initial.items)).toBe(true);
      expect(Object.isFrozen(initial.items[0])).toBe(true);
      expect(Object.isFrozen(initial.counts)).toBe(true);

      const finished = run.start();
      await flush();
      const running = run.getSnapshot();
      expect(running).not.toBe(initial);
      expect(run.getSnapshot()).toBe(running);
      // Earlier snapshots are never rewritten.
      expect(statuses(initial)).toEqual(['pending', 'pending']);
      expect(statuses(running)).toEqual(['running', 'pending']);
      // An unchanged item keeps its identity, so rows can be memoised.
      expect(running.items[1]).toBe(initial.items[1]);

      call('a').deferred.resolve();
      await flush();
      call('b').deferred.resolve();
      await finished;
      expect(statuses(running)).toEqual(['running', 'pending']);
    });

    it('notify subscribers on every change until they unsubscribe', async () => {
      const { action, call } = controllableAction();
      const run = createBulkRun(['a', 'b'], action, { key: identity, concurrency: 2 });
      const history: BulkSnapshot<string>[] = [];
      const unsubscribe = run.subscribe(() => history.push(run.getSnapshot()));

      const finished = run.start();
      await flush();
      call('a').deferred.resolve();
      await flush();

      const distinct = history.filter((snapshot, i) => snapshot !== history[i - 1]);
      expect(distinct).toHaveLength(history.length);
      expect(history.map(statuses)).toEqual([
        ['pending', 'pending'],
        ['running', 'pending'],
        ['running', 'running'],
        ['succeeded', 'running'],
      ]);
      expect(history[0]?.running).toBe(true);

      unsubscribe();
      call('b').deferred.resolve();
      await finished;
      expect(history).toHaveLength(4);
    });

    it('announce the end of a run to subscribers', async () => {
      const run = createBulkRun(['a'], async () => Promise.resolve(), { key: identity });
      const listener = vi.fn(() => run.getSnapshot().done);
      run.subscribe(listener);

      await run.start();

      expect(listener).toHaveBeenLastCalledWith();
      expect(listener.mock.results.at(-1)?.value).toBe(true);
    });
  });
});
