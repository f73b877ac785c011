import { downloadText } from './download.ts';
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

const LINE_END = '\r\n';

/**
 * Spreadsheets evaluate a cell that starts with one of these as a formula, so user-controlled text such as a
 * description of `=HYPERLINK("https://evil.example", "Click")` would run when an administrator opens the export
 * (OWASP "CSV Injection": `= + - @`, tab, CR; ASVS 5 adds NUL). Leading whitespace does not help: importers can be
 * set to trim it, which turns ` =1+1` back into a formula.
 */
const FORMULA_TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@])/;

function textCell(text: string): string {
  // A leading `'` makes Excel, Calc and Sheets read the cell as text; it is the least surprising visible change.
  const safe = FORMULA_TRIGGER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans come from our own data, not from users, and must stay numeric: `-3` is not a formula.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return textCell(value);
}

/**
 * RFC 4180 CSV with a header row: CRLF line ends, fields quoted only when they contain `,` `"` CR or LF, quotes
 * doubled, and text that a spreadsheet would run as a formula defused. A trailing CRLF ends the last record, as
 * spreadsheets write it. `null` and `undefined` are empty fields.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => textCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value(row))).join(','));
  return lines.join(LINE_END) + LINE_END;
}

// Without a byte order mark Excel reads a CSV in the system code page, so `é` would become `Ã©`.
const BOM = '\uFEFF';

/** Saves `csv` as a file named `filename` through a temporary `<a download>`; no server round trip. */
export function downloadCsv(filename: string, csv: string): void {
  downloadText(filename, `${BOM}${csv}`, 'text/csv;charset=utf-8');
}
