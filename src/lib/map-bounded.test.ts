import { describe, expect, it } from 'vitest';
import { mapBounded } from './map-bounded.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('mapBounded', () => {
  it('keeps results in input order with at most `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      return n * 2;
    });
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });

  it('starts nothing more after a failure and aborts the work in flight', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    let started = 0;
    let startedAfterFailure = 0;
    let failed = false;
    const abortedInFlight: number[] = [];
    const run = mapBounded(items, 6, new AbortController().signal, async (n, signal) => {
      started += 1;
      if (failed) startedAfterFailure += 1;
      if (n === 10) {
        await tick();
        failed = true;
        throw new Error('unavailable');
      }
      await new Promise<void>((resolve) => {
        const onAbort = () => {
          clearTimeout(timer);
          abortedInFlight.push(n);
          resolve();
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }, 5);
        signal.addEventListener('abort', onAbort);
      });
      return n;
    });
    await expect(run).rejects.toThrow('unavailable');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(startedAfterFailure).toBe(0);
    expect(started).toBeLessThan(30);
    expect(abortedInFlight.length).toBeLessThanOrEqual(5);
    expect(abortedInFlight.length).toBeGreaterThan(0);
  });

  it('stops when the caller aborts, and hands the abort to the work in flight', async () => {
    const caller = new AbortController();
    let started = 0;
    let aborted = 0;
    const run = mapBounded(
      Array.from({ length: 100 }, (_, i) => i),
      4,
      caller.signal,
      (_, signal) => {
        started += 1;
        return new Promise<number>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted += 1;
            reject(new Error('aborted'));
          });
        });
      },
    );
    await tick();
    caller.abort(new Error('cancelled'));
    await expect(run).rejects.toThrow();
    expect(started).toBe(4);
    expect(aborted).toBe(4);
  });
});
