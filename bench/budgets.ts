/**
 * The performance budgets of issue 9, in one place: bench/run.ts compares its measurements with them and
 * e2e/budgets.spec.ts enforces the deterministic ones (bytes, DOM nodes) in `npm test`.
 */
export const KIB = 1024;

export const BUDGETS = {
  /** JS the sign-in page loads: the entry, its preloads and the login route's chunk (if lazy), gzip. */
  loginJsGzip: 150 * KIB,
  /** Any chunk loaded after the entry (a route module, a shared chunk, a heavy part such as key generation), gzip. */
  lazyChunkGzip: 40 * KIB,
  /** With 10,000 rows, 4× CPU throttling. */
  firstRowsMs: 150,
  keystrokeMs: 50,
  /** How much faster than the naive page (all rows in the DOM), first rows and keystroke alike. */
  naiveRatio: 15,
  domNodes: 1500,
  /** Core Web Vitals. */
  lcpThrottledMs: 2500,
  lcpUnthrottledMs: 500,
  cls: 0.1,
  inpMs: 200,
  /**
   * At 100,000 rows (issue 25, decision 011): what the list adds to the console's own start (first rows on page load
   * minus the users page with 6 accounts) ÷ the same list fetched and parsed by a page that does nothing else.
   */
  floorRatio: 1.3,
  /** At 100,000 rows (issue 25): JS heap after load, and the longest main-thread task while typing. */
  heapMiB: 150,
  longTaskWhileTypingMs: 200,
  /** Simulator answer for a 10,000-item list, and for a 100,000-item one. */
  simulatorListMs: 50,
  simulatorLargeListMs: 200,
  /** The access review at 10,000 users, 300 groups, 2,000 ACLs, unthrottled (issue 24): first and later answers. */
  accessFirstAnswerMs: 5000,
  accessLaterAnswerMs: 100,
} as const;

/** The login route's module in the Vite manifest: when lazy, its chunk is part of what the sign-in page loads. */
export const LOGIN_ROUTE_MODULE = 'src/features/auth/login-page.tsx';
/** The signed-in layout route: pages under it find its chunks already loaded. */
export const SHELL_ROUTE_MODULE = 'src/app/shell/app-shell.tsx';
/** The chunk vite.config.ts gathers the shell's own modules into (the manifest then has no entry of the route's own). */
export const SHELL_CHUNK_NAME = 'frame';

/** Text that only the bench's naive page contains; it must never appear in the production build. */
export const NAIVE_MARKER = 'naive-bench-page-not-shipped';
