import { describe, expect, it, vi } from 'vitest';
import { type CsvColumn, type CsvValue, downloadCsv, toCsv } from './csv.ts';

/** One column whose header is `v`, so each case reads as the exact text of its single field. */
function field(value: CsvValue): string {
  const csv = toCsv<CsvValue>([{ header: 'v', value: (row) => row }], [value]);
  expect(csv.startsWith('v\r\n')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice('v\r\n'.length, -'\r\n'.length);
}

interface User {
  uid: string;
  description: string;
  remote: boolean;
  groups: number | null;
}

const USER_COLUMNS: CsvColumn<User>[] = [
  { header: 'ID', value: (user) => user.uid },
  { header: 'Description', value: (user) => user.description },
  { header: 'Remote', value: (user) => user.remote },
  { header: 'Groups', value: (user) => user.groups },
];

describe('toCsv', () => {
  it('writes a header row and one CRLF-terminated record per row, in order', () => {
    const users: User[] = [
      { uid: 'alice', description: 'Alice Liddell', remote: false, groups: 2 },
      { uid: 'bob', description: 'Bob', remote: true, groups: null },
    ];
    expect(toCsv(USER_COLUMNS, users)).toBe(
      'ID,Description,Remote,Groups\r\nalice,Alice Liddell,false,2\r\nbob,Bob,true,\r\n',
    );
  });

  it('writes only the header row for an empty list', () => {
    expect(toCsv(USER_COLUMNS, [])).toBe('ID,Description,Remote,Groups\r\n');
  });

  it('writes null and undefined as empty fields', () => {
    expect(
      toCsv<null>(
        [
          { header: 'a', value: () => null },
          { header: 'b', value: () => undefined },
        ],
        [null],
      ),
    ).toBe('a,b\r\n,\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['with spaces ', 'with spaces '],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['line1\rline2', '"line1\rline2"'],
    ["O'Brien", "O'Brien"],
    ['semi;colon', 'semi;colon'],
  ])('escapes %j as %j', (value, expected) => {
    expect(field(value)).toBe(expected);
  });

  it('quotes a header that needs it', () => {
    expect(toCsv([{ header: 'Name, full', value: () => 'x' }], [1])).toBe('"Name, full"\r\nx\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\tanything', "'\tanything"],
    ['\ranything', `"'\ranything"`],
    ['\0x', "'\0x"],
    [' =1+1', "' =1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['=1,2', `"'=1,2"`],
  ])('defuses the formula %j as %j', (value, expected) => {
    expect(field(value)).toBe(expected);
  });

  it.each(['a=b', 'alice@example.com', 'x-1', "'quoted", 'plus+minus-', '1e3'])(
    'leaves %j alone: the trigger is not first',
    (value) => {
      expect(field(value)).toBe(value);
    },
  );

  it('keeps numbers and booleans as written, negative ones included', () => {
    expect(field(-3)).toBe('-3');
    expect(field(0)).toBe('0');
    expect(field(1.5)).toBe('1.5');
    expect(field(true)).toBe('true');
    expect(field(false)).toBe('false');
  });

  it('keeps non-ASCII text unchanged', () => {
    expect(field('Zoë Ångström')).toBe('Zoë Ångström');
    expect(field('日本語 🔐')).toBe('日本語 🔐');
    expect(field('Müller, Jörg')).toBe('"Müller, Jörg"');
  });
});

function readBlob(blob: Blob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(Array.from(new Uint8Array(reader.result as ArrayBuffer)));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('unreadable blob'));
    };
    reader.readAsArrayBuffer(blob);
  });
}

describe('downloadCsv', () => {
  function stubDownload() {
    const blobs: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:https://cluster.example/1234';
    });
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { download: string; href: string; inDocument: boolean; revokedBefore: boolean }[] = [];
    // jsdom would try to navigate to the blob URL and report "not implemented".
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({
        download: this.download,
        href: this.href,
        inDocument: document.body.contains(this),
        revokedBefore: revokeObjectURL.mock.calls.length > 0,
      });
    });
    return { blobs, createObjectURL, revokeObjectURL, click, clicked };
  }

  it('clicks a temporary download link named after the file, then revokes its URL and removes it', () => {
    const { createObjectURL, revokeObjectURL, click, clicked } = stubDownload();

    downloadCsv('users-2024-05-01.csv', 'ID\r\nalice\r\n');

    expect(click).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual([
      {
        download: 'users-2024-05-01.csv',
        href: 'blob:https://cluster.example/1234',
        inDocument: true,
        revokedBefore: false,
      },
    ]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(revokeObjectURL).toHaveBeenCalledExactlyOnceWith('blob:https://cluster.example/1234');
    expect(document.querySelector('a')).toBeNull();
  });

  it('saves UTF-8 CSV with a byte order mark, so Excel reads non-ASCII text', async () => {
    const { blobs } = stubDownload();
    const csv = toCsv([{ header: 'Name', value: (name: string) => name }], ['Zoë', '日本']);

    downloadCsv('names.csv', csv);

    expect(blobs).toHaveLength(1);
    const blob = blobs[0];
    if (!blob) throw new Error('no blob');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await readBlob(blob);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.slice(3)).toEqual(Array.from(new TextEncoder().encode('Name\r\nZoë\r\n日本\r\n')));
  });

  it('revokes the URL and removes the link even if the click throws', () => {
    const { revokeObjectURL, click } = stubDownload();
    click.mockImplementation(() => {
      throw new Error('blocked');
    });

    expect(() => {
      downloadCsv('x.csv', 'a\r\n');
    }).toThrow('blocked');
    expect(revokeObjectURL).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a')).toBeNull();
  });
});
