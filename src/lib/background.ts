/**
 * Long work done in slices while the page is otherwise idle (a list's full sort, its search index): each task runs
 * slices for ~8 ms, then gives the main thread back. Where the browser has `scheduler.postTask` (Chromium), the tasks
 * have background priority, so input and rendering always go first, the first rows' paint included; elsewhere
 * (and in the tests' jsdom) a 0 ms timeout.
 */
interface PostTaskScheduler {
  postTask: (task: () => void, options: { priority: 'background' }) => Promise<unknown>;
}

const SLICE_MS = 8;

function later(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function')
    scheduler.postTask(task, { priority: 'background' }).catch(() => undefined);
  else setTimeout(task, 0);
}

/** Runs `slice` until it returns true, a few at a time per background task. */
export function inBackground(slice: () => boolean): void {
  const run = () => {
    const deadline = performance.now() + SLICE_MS;
    while (performance.now() < deadline) if (slice()) return;
    later(run);
  };
  later(run);
}
