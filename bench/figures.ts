import { BUDGETS, KIB } from './budgets.ts';
import type { BuildBytes } from './bytes.ts';
import type { ListName, VariantResult } from './lists.ts';
import { figure, type Figure } from './report.ts';
import type { Summary } from './stats.ts';
import type { Condition, VitalsPage, VitalsResult } from './vitals.ts';

const le = (value: number) => ({ op: '<=' as const, value });
const ge = (value: number) => ({ op: '>=' as const, value });

export function bytesFigures(bytes: BuildBytes): Figure[] {
  const largest = bytes.chunks[0];
  return [
    figure(
      'bytes.login.js.gzip',
      'Sign-in page JS, gzip',
      'KiB',
      bytes.login.js.gzip / KIB,
      le(BUDGETS.loginJsGzip / KIB),
    ),
    figure('bytes.login.js.brotli', 'Sign-in page JS, brotli', 'KiB', bytes.login.js.brotli / KIB),
    figure('bytes.login.css.gzip', 'Sign-in page CSS, gzip', 'KiB', bytes.login.css.gzip / KIB),
    ...(largest
      ? [
          figure(
            'bytes.chunk.largest.gzip',
            `Largest lazy chunk (${largest.file.replace(/^assets\//, '')}), gzip`,
            'KiB',
            largest.gzip / KIB,
            le(BUDGETS.lazyChunkGzip / KIB),
          ),
        ]
      : []),
  ];
}

/** The figures of one list at one scale: `naive` only at the first scale (at 100,000 rows it takes minutes a run). */
export function listFigures(
  list: ListName,
  scale: number,
  ours: VariantResult,
  floor: Summary,
  naive?: VariantResult,
  shell?: Summary,
): Figure[] {
  const name = list === 'users' ? 'Users' : 'Secrets';
  const rows = `${ours.rows.toLocaleString('en-US')} rows`;
  const id = `lists${scale === 10_000 ? '' : `.${scale / 1000}k`}.${list}`;
  const large = scale > 10_000;
  return [
    figure(
      `${id}.firstRows`,
      `${name}, ${rows}, 4× CPU: first rows on returning to the list`,
      'ms',
      ours.firstRowsReturnMs,
      le(BUDGETS.firstRowsMs),
    ),
    figure(
      `${id}.firstRowsLoad`,
      `${name}, ${rows}: first rows on page load (fetch + parse included)`,
      'ms',
      ours.firstRowsLoadMs,
    ),
    figure(`${id}.floor`, `${name}, ${rows}: floor, the list fetched and parsed alone`, 'ms', floor),
    figure(
      `${id}.ratio.floor`,
      `${name}, ${rows}: first rows on page load ÷ floor`,
      '×',
      ours.firstRowsLoadMs.median / floor.median,
      // Reported without a budget: one main thread runs the console's start and the list's fetch and parse, each
      // busy nearly all along, so this ratio is at least (start + floor) ÷ floor whatever the list code does.
      undefined,
      'no budget: the console’s own start and the list share one main thread (decision 011)',
    ),
    ...(large && shell
      ? [
          figure(
            `${id}.ratio.listOverStart`,
            `${name}, ${rows}: what the list adds to the console’s own start ÷ floor`,
            '×',
            (ours.firstRowsLoadMs.median - shell.median) / floor.median,
            le(BUDGETS.floorRatio),
            `(first rows on page load ${ours.firstRowsLoadMs.median.toFixed(0)} − own start ${shell.median.toFixed(0)} ms) ÷ floor ${floor.median.toFixed(0)} ms`,
          ),
        ]
      : []),
    figure(
      `${id}.keystroke`,
      `${name}, ${rows}: filter keystroke → rows updated`,
      'ms',
      ours.keystrokeMs,
      le(BUDGETS.keystrokeMs),
    ),
    figure(`${id}.domNodes`, `${name}, ${rows}: DOM nodes`, 'nodes', ours.domNodes, le(BUDGETS.domNodes)),
    figure(
      `${id}.heap`,
      `${name}, ${rows}: JS heap after load`,
      'MiB',
      ours.heapMiB,
      large ? le(BUDGETS.heapMiB) : undefined,
    ),
    figure(
      `${id}.longTask`,
      `${name}, ${rows}: longest task while typing`,
      'ms',
      ours.longestTaskWhileTypingMs,
      large ? le(BUDGETS.longTaskWhileTypingMs) : undefined,
    ),
    ...(naive ? naiveFigures(id, name, ours, naive) : []),
  ];
}

function naiveFigures(id: string, name: string, ours: VariantResult, naive: VariantResult): Figure[] {
  return [
    figure(`${id}.naive.firstRows`, `${name}, naive page: first rows on return`, 'ms', naive.firstRowsReturnMs),
    figure(`${id}.naive.firstRowsLoad`, `${name}, naive page: first rows on page load`, 'ms', naive.firstRowsLoadMs),
    figure(`${id}.naive.keystroke`, `${name}, naive page: keystroke → rows updated`, 'ms', naive.keystrokeMs),
    figure(`${id}.naive.domNodes`, `${name}, naive page: DOM nodes`, 'nodes', naive.domNodes),
    figure(
      `${id}.ratio.firstRows`,
      `${name}: first rows on return, naive ÷ console`,
      '×',
      naive.firstRowsReturnMs.median / ours.firstRowsReturnMs.median,
      ge(BUDGETS.naiveRatio),
    ),
    figure(
      `${id}.ratio.firstRowsLoad`,
      `${name}: first rows on page load, naive ÷ console`,
      '×',
      naive.firstRowsLoadMs.median / ours.firstRowsLoadMs.median,
    ),
    figure(
      `${id}.ratio.keystroke`,
      `${name}: keystroke, naive ÷ console`,
      '×',
      naive.keystrokeMs.median / ours.keystrokeMs.median,
      ge(BUDGETS.naiveRatio),
    ),
  ];
}

export function vitalsFigures(page: VitalsPage, condition: Condition, result: VitalsResult): Figure[] {
  const name = `${page === 'login' ? 'Sign-in' : 'Users'} page, ${condition === 'throttled' ? 'Slow 4G + 4× CPU' : 'unthrottled'}`;
  const lcpBudget = condition === 'throttled' ? BUDGETS.lcpThrottledMs : BUDGETS.lcpUnthrottledMs;
  const inpNote =
    result.inpBelowThreshold > 0
      ? `${result.inpBelowThreshold} run(s) had no interaction of 16 ms or more (counted as 0)`
      : undefined;
  return [
    figure(
      `vitals.${page}.${condition}.lcp`,
      `${name}: LCP`,
      'ms',
      result.lcpMs,
      le(lcpBudget),
      `LCP element: ${result.lcpElements.join(', ')}`,
    ),
    figure(`vitals.${page}.${condition}.cls`, `${name}: CLS`, '', result.cls, le(BUDGETS.cls)),
    figure(`vitals.${page}.${condition}.inp`, `${name}: INP`, 'ms', result.inpMs, le(BUDGETS.inpMs), inpNote),
  ];
}

export function shellFigure(shell: Summary): Figure {
  return figure(
    'lists.shell',
    'Users page with the demo’s 6 users, 4× CPU: first rows on page load (the console’s own start)',
    'ms',
    shell,
  );
}

export function simulatorFigure(list: ListName, scale: number, summary: Summary): Figure {
  const label = list === 'users' ? 'GET /acs/api/v1/users' : 'GET /secrets/v1/secret/default/?list=true';
  const budget = scale > 10_000 ? BUDGETS.simulatorLargeListMs : BUDGETS.simulatorListMs;
  const id = `simulator${scale === 10_000 ? '' : `.${scale / 1000}k`}.${list}`;
  return figure(id, `Simulator: ${label} (${scale.toLocaleString('en-US')})`, 'ms', summary, le(budget));
}
