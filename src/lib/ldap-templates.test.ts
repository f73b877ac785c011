import { describe, expect, it } from 'vitest';
import {
  dnTemplateProblem,
  filterTemplateProblem,
  GROUPNAME_PLACEHOLDER,
  USERNAME_PLACEHOLDER,
} from './ldap-templates.ts';

describe('LDAP template checks', () => {
  it('accept the documented examples', () => {
    expect(dnTemplateProblem('uid=%(username)s,ou=users,dc=example,dc=com')).toBeNull();
    expect(dnTemplateProblem('cn=%(username)s, cn=Users, dc=mesosphere, dc=com')).toBeNull();
    expect(filterTemplateProblem('(uid=%(username)s)', USERNAME_PLACEHOLDER)).toBeNull();
    expect(
      filterTemplateProblem('(&(objectclass=group)(sAMAccountName=%(groupname)s))', GROUPNAME_PLACEHOLDER),
    ).toBeNull();
    expect(filterTemplateProblem('(|(uid=%(username)s)(mail=%(username)s))', USERNAME_PLACEHOLDER)).toBeNull();
  });

  it.each([
    ['', 'Enter a DN template.'],
    ['uid=alice,ou=users', 'The template must contain %(username)s.'],
    ['%(username)s@example.com', 'Write the DN as attribute=value pairs separated by commas.'],
    ['uid=%(username)s,,dc=com', 'Write the DN as attribute=value pairs separated by commas.'],
  ])('refuse the DN template %j', (template, problem) => {
    expect(dnTemplateProblem(template)).toBe(problem);
  });

  it.each([
    ['', USERNAME_PLACEHOLDER, 'Enter a search filter template.'],
    ['(uid=%(user)s)', USERNAME_PLACEHOLDER, 'The template must contain %(username)s.'],
    ['(cn=%(username)s)', GROUPNAME_PLACEHOLDER, 'The template must contain %(groupname)s.'],
    ['uid=%(username)s', USERNAME_PLACEHOLDER, 'Write an LDAP filter in parentheses, e.g. (uid=%(username)s).'],
    ['(uid=%(username)s', USERNAME_PLACEHOLDER, 'Write an LDAP filter in parentheses, e.g. (uid=%(username)s).'],
    ['(uid=%(username)s)(cn=x)', USERNAME_PLACEHOLDER, 'Write an LDAP filter in parentheses, e.g. (uid=%(username)s).'],
    ['(=%(username)s)', USERNAME_PLACEHOLDER, 'Write an LDAP filter in parentheses, e.g. (uid=%(username)s).'],
  ])('refuse the filter template %j', (template, placeholder, problem) => {
    expect(filterTemplateProblem(template, placeholder)).toBe(problem);
  });
});
