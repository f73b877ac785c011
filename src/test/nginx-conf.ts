// A small reader for nginx configuration files, enough for tests to check what deploy/nginx.conf declares: directives
// with their arguments (quotes removed) and nested blocks. Not a validator: `nginx -t` is.

export interface NginxDirective {
  name: string;
  args: string[];
  /** The directives inside `{…}`, or undefined for a simple `name args;`. */
  block?: NginxDirective[];
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '#') {
      while (i < text.length && text.charAt(i) !== '\n') i += 1;
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push(c);
      i += 1;
    } else if (c === '"' || c === "'") {
      let value = '';
      i += 1;
      while (i < text.length && text.charAt(i) !== c) {
        if (text.charAt(i) === '\\') i += 1;
        value += text.charAt(i);
        i += 1;
      }
      if (i >= text.length) throw new Error('Unterminated quoted string in nginx configuration');
      i += 1;
      // A quoted token is marked so `{` or `;` inside quotes are never taken for syntax.
      tokens.push(`\u0000${value}`);
    } else {
      let value = '';
      while (i < text.length && !/[\s{};]/.test(text.charAt(i))) {
        value += text.charAt(i);
        i += 1;
      }
      tokens.push(value);
    }
  }
  return tokens;
}

const unquote = (token: string) => (token.startsWith('\u0000') ? token.slice(1) : token);

export function parseNginxConf(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let at = 0;
  const readBlock = (closing: boolean): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    while (at < tokens.length) {
      if (tokens[at] === '}') {
        if (!closing) throw new Error('Unexpected } in nginx configuration');
        at += 1;
        return directives;
      }
      const words: string[] = [];
      while (at < tokens.length && tokens[at] !== ';' && tokens[at] !== '{' && tokens[at] !== '}') {
        words.push(unquote(tokens[at] ?? ''));
        at += 1;
      }
      const [name, ...args] = words;
      if (name === undefined) throw new Error(`Expected a directive before ${tokens[at] ?? 'the end'}`);
      const end = tokens[at];
      at += 1;
      if (end === ';') directives.push({ name, args });
      else if (end === '{') directives.push({ name, args, block: readBlock(true) });
      else throw new Error(`Directive ${name} is not terminated`);
    }
    if (closing) throw new Error('Missing } in nginx configuration');
    return directives;
  };
  return readBlock(false);
}

/** The directives named `name` directly inside `directives`. */
export function directivesNamed(directives: NginxDirective[] | undefined, name: string): NginxDirective[] {
  return (directives ?? []).filter((directive) => directive.name === name);
}

/** Every directive named `name` at any depth. */
export function findAll(directives: NginxDirective[] | undefined, name: string): NginxDirective[] {
  return (directives ?? []).flatMap((directive) => [
    ...(directive.name === name ? [directive] : []),
    ...findAll(directive.block, name),
  ]);
}
