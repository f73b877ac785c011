// RFC 4515 search filters, enough of them for the IAM's templates: `&`, `|`, `!`, equality, presence and
// substrings (`*`), with `\XX` escapes; matching is case-insensitive like the usual `caseIgnoreMatch` attributes.

export type Filter =
  | { op: 'and' | 'or'; filters: Filter[] }
  | { op: 'not'; filter: Filter }
  | { op: 'match'; attribute: string; pattern: string[] };

/** Escapes a value for a filter, so a username like `*)(uid=*` cannot widen the search (RFC 4515 §3). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function unescape(value: string): string {
  return value.replace(/\\([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Parses a filter; throws on anything malformed (the directory answers such a search with an error). */
export function parseFilter(text: string): Filter {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`Bad search filter ${JSON.stringify(text)}: ${why} at ${pos}.`);
  };
  const parse = (): Filter => {
    if (text[pos] !== '(') fail('expected "("');
    pos += 1;
    const head = text[pos];
    let filter: Filter;
    if (head === '&' || head === '|') {
      pos += 1;
      const filters: Filter[] = [];
      while (text[pos] === '(') filters.push(parse());
      if (filters.length === 0) fail('empty list');
      filter = { op: head === '&' ? 'and' : 'or', filters };
    } else if (head === '!') {
      pos += 1;
      filter = { op: 'not', filter: parse() };
    } else {
      const end = text.indexOf(')', pos);
      if (end < 0) fail('unclosed item');
      const item = text.slice(pos, end);
      const eq = item.indexOf('=');
      if (eq <= 0 || !/^[A-Za-z][\w-]*$/.test(item.slice(0, eq))) fail('bad attribute');
      filter = {
        op: 'match',
        attribute: item.slice(0, eq).toLowerCase(),
        pattern: item
          .slice(eq + 1)
          .split('*')
          .map(unescape),
      };
      pos = end;
    }
    if (text[pos] !== ')') fail('expected ")"');
    pos += 1;
    return filter;
  };
  const filter = parse();
  if (pos !== text.length) fail('trailing text');
  return filter;
}

function matchesPattern(value: string, pattern: string[]): boolean {
  const v = value.toLowerCase();
  const parts = pattern.map((p) => p.toLowerCase());
  if (parts.length === 1) return v === parts[0];
  const [first = '', ...rest] = parts;
  const last = rest.pop() ?? '';
  if (!v.startsWith(first) || !v.endsWith(last) || v.length < first.length + last.length) return false;
  let at = first.length;
  for (const middle of rest) {
    const found = v.indexOf(middle, at);
    if (found < 0 || found + middle.length > v.length - last.length) return false;
    at = found + middle.length;
  }
  return true;
}

export function matchesFilter(attributes: ReadonlyMap<string, readonly string[]>, filter: Filter): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => matchesFilter(attributes, f));
    case 'or':
      return filter.filters.some((f) => matchesFilter(attributes, f));
    case 'not':
      return !matchesFilter(attributes, filter.filter);
    case 'match':
      return (attributes.get(filter.attribute) ?? []).some((value) => matchesPattern(value, filter.pattern));
  }
}
