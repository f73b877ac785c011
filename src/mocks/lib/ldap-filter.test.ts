// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { escapeFilterValue, matchesFilter, parseFilter } from './ldap-filter.ts';

const carol = new Map([
  ['uid', ['carol']],
  ['cn', ['Carol Jensen']],
  ['objectclass', ['inetOrgPerson', 'person']],
]);
const matches = (filter: string) => matchesFilter(carol, parseFilter(filter));

describe('LDAP search filters', () => {
  it('match equality without case, presence, substrings and the boolean operators', () => {
    expect(matches('(uid=CAROL)')).toBe(true);
    expect(matches('(mail=*)')).toBe(false);
    expect(matches('(cn=*)')).toBe(true);
    expect(matches('(cn=Car*sen)')).toBe(true);
    expect(matches('(cn=*ol J*)')).toBe(true);
    expect(matches('(cn=*x*)')).toBe(false);
    expect(matches('(&(objectClass=person)(uid=carol))')).toBe(true);
    expect(matches('(|(uid=bob)(uid=carol))')).toBe(true);
    expect(matches('(!(uid=carol))')).toBe(false);
  });

  it('refuse malformed filters', () => {
    for (const bad of ['uid=carol', '(uid=carol', '(=carol)', '(&)', '(uid=carol))'])
      expect(() => parseFilter(bad)).toThrow(/Bad search filter/);
  });

  it('escape values so a username cannot change the filter', () => {
    expect(escapeFilterValue('*)(uid=*')).toBe('\\2a\\29\\28uid=\\2a');
    expect(matches(`(uid=${escapeFilterValue('*')})`)).toBe(false);
    expect(matchesFilter(new Map([['cn', ['a*b']]]), parseFilter(`(cn=${escapeFilterValue('a*b')})`))).toBe(true);
  });
});
