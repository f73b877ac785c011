// Validation of a PUT /ldap/config body: the IAMY schema first (400 "Unexpected JSON input", no code), then the rules
// the docs state for the templates and modes (400 ERR_LDAP_CONFIG_INVALID). Descriptions name the offending key in
// backticks, which the console uses to put the message at that field.
import type { LdapConfig } from '../db/directory.ts';
import { iamError } from '../lib/http.ts';
import { parseFilter } from '../lib/ldap-filter.ts';
import { pyRepr } from '../lib/schema.ts';
import { GROUPNAME, USERNAME } from '../lib/ldap-directory.ts';
import { schemaError } from './iam.ts';

const CONFIG = {
  required: ['host', 'port', 'enforce-starttls', 'use-ldaps'],
  properties: {
    host: 'string',
    port: 'integer',
    'enforce-starttls': 'boolean',
    'use-ldaps': 'boolean',
    dntemplate: 'string',
    'lookup-dn': 'string',
    'lookup-password': 'string',
    'user-search': 'object',
    'group-search': 'object',
    'ca-certs': 'string',
    'client-cert': 'string',
  },
} as const;
const USER_SEARCH = {
  required: ['search-base', 'search-filter-template'],
  properties: { 'search-base': 'string', 'search-filter-template': 'string' },
} as const;
const GROUP_SEARCH = {
  required: ['search-base', 'search-filter-template'],
  properties: { 'search-base': 'string', 'search-filter-template': 'string', 'member-attributes': 'array' },
} as const;

function invalid(description: string): Response {
  return iamError(400, description, 'ERR_LDAP_CONFIG_INVALID');
}

function filterProblem(key: string, template: string, placeholder: string): Response | null {
  if (!template.includes(placeholder)) return invalid(`\`${key}\` must contain ${placeholder}.`);
  try {
    parseFilter(template.replaceAll(placeholder, 'x'));
  } catch {
    return invalid(`\`${key}\` is not a valid LDAP search filter, e.g. (uid=${placeholder}).`);
  }
  return null;
}

const PEM = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/;

/** The problem with `body` as an LDAP configuration, or the configuration itself. */
export function checkLdapConfig(body: Record<string, unknown>): Response | LdapConfig {
  const schema = schemaError(body, CONFIG);
  if (schema) return schema;
  for (const [key, nested] of [
    ['user-search', USER_SEARCH],
    ['group-search', GROUP_SEARCH],
  ] as const) {
    const value = body[key] as Record<string, unknown> | undefined;
    const problem = value === undefined ? null : schemaError(value, nested);
    if (problem) return problem;
  }
  const attributes =
    (body['group-search'] as { 'member-attributes'?: unknown[] } | undefined)?.['member-attributes'] ?? [];
  const notString = attributes.find((a) => typeof a !== 'string');
  if (notString !== undefined)
    return iamError(400, `Unexpected JSON input. Hint: ${pyRepr(notString)} is not of type 'string'`);

  const config = body as unknown as LdapConfig;
  if (config.host.trim() === '') return invalid('`host` must not be empty.');
  if (config.port < 1 || config.port > 65535) return invalid('`port` must be between 1 and 65535.');
  // The IAM's own LDAPS test configuration sets both flags, so both together are accepted (LDAPS wins).
  const { dntemplate } = config;
  const userSearch = config['user-search'];
  if (dntemplate !== undefined && userSearch !== undefined)
    return invalid('Set either `dntemplate` (simple bind) or `user-search` (search bind), not both.');
  if (dntemplate === undefined && userSearch === undefined)
    return invalid('Set `dntemplate` (simple bind) or `user-search` (search bind).');
  if (dntemplate !== undefined && !dntemplate.includes(USERNAME))
    return invalid(`\`dntemplate\` must contain ${USERNAME}.`);
  if (userSearch) {
    const problem = filterProblem('user-search.search-filter-template', userSearch['search-filter-template'], USERNAME);
    if (problem) return problem;
  }
  const groupSearch = config['group-search'];
  if (groupSearch) {
    const problem = filterProblem(
      'group-search.search-filter-template',
      groupSearch['search-filter-template'],
      GROUPNAME,
    );
    if (problem) return problem;
  }
  if ((config['lookup-dn'] === undefined) !== (config['lookup-password'] === undefined)) {
    return invalid('`lookup-dn` and `lookup-password` go together: set both, or neither for an anonymous lookup.');
  }
  for (const key of ['ca-certs', 'client-cert'] as const) {
    const pem = config[key];
    if (pem !== undefined && pem.trim() !== '' && !PEM.test(pem))
      return invalid(`\`${key}\` must be PEM (-----BEGIN CERTIFICATE----- …).`);
  }
  return config;
}
