/**
 * The floor no list page can beat: this page only fetches the list the console's page reads first, with the same
 * request (headers, cookie, no cache), and `JSON.parse`s it. No framework, no validation, no rendering. It marks the
 * moment the parse ends as `window.__bench.firstRows` (ms since navigation start, as bench/page/list-marks.js marks
 * the console's first rows), so bench/lists.ts reads both the same way. Built only into the bench's output.
 */
const LISTS = { users: '/acs/api/v1/users', secrets: '/secrets/v1/secret/default/?list=true' } as const;

interface BenchState {
  firstRows: number | null;
  floorItems?: number;
}

const list = new URLSearchParams(window.location.search).get('list') === 'secrets' ? 'secrets' : 'users';
const state = (window as unknown as { __bench: BenchState }).__bench;

void fetch(LISTS[list], {
  headers: { Accept: 'application/json', 'X-Requested-With': 'dcos-console' },
  credentials: 'same-origin',
  cache: 'no-store',
})
  .then((response) => response.text())
  .then((text) => {
    const parsed = JSON.parse(text) as { array: unknown[] };
    state.floorItems = parsed.array.length;
    state.firstRows = performance.now();
  });
