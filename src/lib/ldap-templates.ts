export const USERNAME_PLACEHOLDER = '%(username)s';
export const GROUPNAME_PLACEHOLDER = '%(groupname)s';

/** A DN template for simple bind, e.g. `uid=%(username)s,ou=users,dc=example,dc=com`; null when it is fine. */
export function dnTemplateProblem(template: string): string | null {
  const text = template.trim();
  if (text === '') return 'Enter a DN template.';
  if (!text.includes(USERNAME_PLACEHOLDER)) return `The template must contain ${USERNAME_PLACEHOLDER}.`;
  // Every RDN is attribute=value: `uid=%(username)s,ou=users`.
  if (text.split(',').some((rdn) => !/^\s*[A-Za-z][\w-]*\s*=\s*\S/.test(rdn)))
    return 'Write the DN as attribute=value pairs separated by commas.';
  return null;
}

/** RFC 4515 filter syntax: parenthesised, balanced, `&`/`|`/`!` or attribute=value in every group. */
function filterSyntaxOk(filter: string): boolean {
  let depth = 0;
  let pos = 0;
  if (!filter.startsWith('(')) return false;
  while (pos < filter.length) {
    const char = filter[pos];
    if (char === '(') {
      depth += 1;
      const next = filter[pos + 1] ?? '';
      if (
        next !== '(' &&
        next !== '&' &&
        next !== '|' &&
        next !== '!' &&
        !/^[A-Za-z][\w-]*[~<>]?=/.test(filter.slice(pos + 1))
      )
        return false;
    } else if (char === ')') {
      depth -= 1;
      if (depth < 0) return false;
      if (depth === 0 && pos !== filter.length - 1) return false;
    }
    pos += 1;
  }
  return depth === 0;
}

/** A search filter template holding `placeholder`, e.g. `(uid=%(username)s)`; null when it is fine. */
export function filterTemplateProblem(template: string, placeholder: string): string | null {
  const text = template.trim();
  if (text === '') return 'Enter a search filter template.';
  if (!text.includes(placeholder)) return `The template must contain ${placeholder}.`;
  if (!filterSyntaxOk(text.replaceAll(placeholder, 'x')))
    return `Write an LDAP filter in parentheses, e.g. (uid=${placeholder}).`;
  return null;
}
