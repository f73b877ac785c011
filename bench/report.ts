import type { Summary } from './stats.ts';

export interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'KiB' | 'MiB' | '×' | 'nodes' | '';
  /** The value compared with the budget: the median for timings. */
  value: number;
  spread?: Summary;
  /** Figures without a budget are reported for context (the naive page's own times, brotli sizes). */
  budget?: { op: '<=' | '>='; value: number };
  pass: boolean;
  note?: string;
}

export function figure(
  id: string,
  label: string,
  unit: Figure['unit'],
  value: number | Summary,
  budget?: Figure['budget'],
  note?: string,
): Figure {
  const spread = typeof value === 'number' ? undefined : value;
  const v = typeof value === 'number' ? value : value.median;
  const pass = !budget || (budget.op === '<=' ? v <= budget.value : v >= budget.value);
  return {
    id,
    label,
    unit,
    value: v,
    ...(spread ? { spread } : {}),
    ...(budget ? { budget } : {}),
    pass,
    ...(note ? { note } : {}),
  };
}

function format(value: number, unit: Figure['unit']): string {
  if (Number.isNaN(value)) return 'error';
  if (unit === '') return value.toFixed(3);
  // Two decimals for KiB: a size just over its budget must not print as equal to it.
  if (unit === 'KiB' || unit === 'MiB') return `${value.toFixed(2)} ${unit}`;
  if (unit === '×') return `${value.toFixed(1)} ${unit}`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function formatSpread(figure: Figure): string {
  const s = figure.spread;
  if (!s) return '';
  return `${format(s.p25, figure.unit)} – ${format(s.p75, figure.unit)} (n=${s.n})`;
}

/**
 * How far inside its budget a figure is, as a fraction of the budget (0.2: 20 % to spare; negative: over it). Issue 25
 * asks for 20 % on every timed budget, so that a pass does not depend on the machine's mood.
 */
export function margin(f: Figure): number | undefined {
  if (!f.budget || Number.isNaN(f.value)) return undefined;
  return f.budget.op === '<='
    ? (f.budget.value - f.value) / f.budget.value
    : (f.value - f.budget.value) / f.budget.value;
}

/** The minimum margin issue 25 asks of every timed budget. */
export const WANTED_MARGIN = 0.2;

export function table(figures: readonly Figure[]): string[][] {
  return figures.map((f) => {
    const m = margin(f);
    return [
      f.label,
      format(f.value, f.unit),
      formatSpread(f),
      f.budget ? `${f.budget.op === '<=' ? '≤' : '≥'} ${format(f.budget.value, f.unit)}` : '—',
      m === undefined ? '' : `${Math.round(m * 100)} %`,
      f.budget
        ? f.pass
          ? m !== undefined && m < WANTED_MARGIN && f.unit === 'ms'
            ? 'thin'
            : 'pass'
          : 'FAIL'
        : f.pass
          ? ''
          : 'FAIL',
    ];
  });
}

const HEADER = ['Figure', 'Value (median)', 'Spread (p25 – p75)', 'Budget', 'Margin', 'Result'];

/** A plain-text table for the terminal. */
export function printTable(figures: readonly Figure[]): string {
  const rows = [HEADER, ...table(figures)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(HEADER), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function markdownTable(figures: readonly Figure[]): string {
  const rows = [HEADER, HEADER.map(() => '---'), ...table(figures)];
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
