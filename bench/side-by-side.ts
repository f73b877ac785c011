/**
 * `npx tsx bench/side-by-side.ts run1.json run2.json run3.json`: the figures of several `npm run bench` results
 * (copies of bench/results.json) side by side in one Markdown table, each budget's smallest margin over the runs,
 * and whether every run passed it: what the README's Performance section shows.
 */
import { readFileSync } from 'node:fs';
import { margin, type Figure } from './report.ts';

interface Results {
  date: string;
  machine: { loadAverage: { start: number[] } };
  figures: Figure[];
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('name one or more results files');
const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Results);

function format(f: Figure | undefined): string {
  if (!f || Number.isNaN(f.value)) return '—';
  if (f.unit === 'KiB' || f.unit === 'MiB') return `${f.value.toFixed(2)} ${f.unit}`;
  if (f.unit === '×') return `${f.value.toFixed(1)} ×`;
  if (f.unit === '') return f.value.toFixed(3);
  return `${Math.round(f.value).toLocaleString('en-US')} ${f.unit}`;
}

const ids = [...new Set(runs.flatMap((run) => run.figures.map((f) => f.id)))];
const header = [
  'Figure',
  ...runs.map(
    (run, i) =>
      `Run ${i + 1} (ended ${run.date.slice(11, 16)} UTC, load at start ${run.machine.loadAverage.start[0]?.toFixed(1) ?? '?'})`,
  ),
  'Budget',
  'Smallest margin',
  'Result',
];
const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
for (const id of ids) {
  const each = runs.map((run) => run.figures.find((f) => f.id === id));
  const first = each.find((f) => f !== undefined);
  if (!first) continue;
  const budget = first.budget
    ? `${first.budget.op === '<=' ? '≤' : '≥'} ${format({ ...first, value: first.budget.value })}`
    : '—';
  const margins = each.map((f) => (f ? margin(f) : undefined)).filter((m): m is number => m !== undefined);
  const smallest = margins.length > 0 ? `${Math.round(Math.min(...margins) * 100)} %` : '';
  const result = !first.budget
    ? ''
    : each.every((f) => f?.pass)
      ? 'pass'
      : `FAIL ${each.filter((f) => !f?.pass).length}/${runs.length}`;
  lines.push(`| ${[first.label, ...each.map(format), budget, smallest, result].join(' | ')} |`);
}
console.log(lines.join('\n'));
