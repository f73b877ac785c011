import { z } from 'zod/mini';

/**
 * The IAM file, version 1: the cluster's identity and access configuration as one JSON document, without a single
 * secret. The reference is `docs/iam-file.schema.json`; `format.test.ts` keeps the two in step. Objects are strict:
 * a file carrying a key the format does not know (a `password`, a `client_secret`) is refused, not silently dropped.
 * Every list is sorted (`canonical()`), so two exports of the same cluster are byte-identical and diff well in git.
 */
export const IAM_FILE_FORMAT = 'dcos-iam-file';
export const IAM_FILE_VERSION = 1;

export const ACTIONS = ['full', 'create', 'read', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

const ID = /^[a-zA-Z0-9\-_@.]+$/;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

const text = z.string().check(z.maxLength(1_000_000));
const noPrivateKey = text.check(z.refine((s) => !PRIVATE_KEY.test(s), 'A private key may not be in an IAM file.'));
const accountId = z
  .string()
  .check(z.minLength(1), z.maxLength(96), z.regex(ID, 'Use only letters, digits and - _ @ .'));
const providerId = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9-]+$/, 'Use only lowercase letters, digits and -.'));

export const userEntrySchema = z.strictObject({
  uid: accountId,
  description: text,
  /** `internal` for a local user (its password is not in the file), or where it signs in. */
  provider: z.enum(['internal', 'ldap', 'oidc', 'saml']),
  /** The OIDC or SAML provider's ID; absent otherwise. */
  providerId: z.optional(providerId),
});
export type UserEntry = z.infer<typeof userEntrySchema>;

export const serviceAccountEntrySchema = z.strictObject({
  uid: accountId,
  description: text,
  /** PEM SubjectPublicKeyInfo; the private key is never in the cluster, nor in the file. */
  publicKey: noPrivateKey.check(z.minLength(1)),
});
export type ServiceAccountEntry = z.infer<typeof serviceAccountEntrySchema>;

export const groupEntrySchema = z.strictObject({
  gid: accountId,
  description: text,
  providerType: z.optional(z.enum(['ldap', 'oidc', 'saml'])),
  /** uids of its members, users and service accounts. */
  members: z.array(accountId),
});
export type GroupEntry = z.infer<typeof groupEntrySchema>;

const actionsSchema = z.array(z.enum(ACTIONS)).check(z.minLength(1));
export const grantEntrySchema = z.union([
  z.strictObject({ user: accountId, actions: actionsSchema }),
  z.strictObject({ group: accountId, actions: actionsSchema }),
]);
export type GrantEntry = z.infer<typeof grantEntrySchema>;

export const aclEntrySchema = z.strictObject({
  rid: z.string().check(z.minLength(1), z.maxLength(1024)),
  description: text,
  grants: z.array(grantEntrySchema),
});
export type AclEntry = z.infer<typeof aclEntrySchema>;

/** `OIDCProviderConfig` as the IAM has it, without `client_secret`. */
export const oidcEntrySchema = z.strictObject({
  id: providerId,
  description: text,
  issuer: text,
  base_url: text,
  client_id: text,
  verify_server_certificate: z.optional(z.boolean()),
  ca_certs: z.optional(noPrivateKey),
});
export type OidcEntry = z.infer<typeof oidcEntrySchema>;

/** `SAMLProviderConfig` as the IAM has it (it holds no secret). */
export const samlEntrySchema = z.strictObject({
  id: providerId,
  description: text,
  idp_metadata: text,
  sp_base_url: text,
});
export type SamlEntry = z.infer<typeof samlEntrySchema>;

const searchSchema = z.strictObject({ 'search-base': text, 'search-filter-template': text });
/** `LDAPConfiguration` as the IAM has it (dashed keys), without `lookup-password`. */
export const ldapEntrySchema = z.strictObject({
  host: z.string().check(z.minLength(1)),
  port: z.number().check(z.int(), z.gte(1), z.lte(65535)),
  'enforce-starttls': z.boolean(),
  'use-ldaps': z.boolean(),
  dntemplate: z.optional(text),
  'lookup-dn': z.optional(text),
  'user-search': z.optional(searchSchema),
  'group-search': z.optional(
    z.strictObject({ ...searchSchema.shape, 'member-attributes': z.optional(z.array(z.string())) }),
  ),
  'ca-certs': z.optional(noPrivateKey),
  'client-cert': z.optional(noPrivateKey),
});
export type LdapEntry = z.infer<typeof ldapEntrySchema>;

export const secretEntrySchema = z.strictObject({
  path: z.string().check(z.minLength(1), z.regex(/^[a-zA-Z0-9\-_]+(\/[a-zA-Z0-9\-_]+)*$/, 'Not a secret path.')),
  /** From the store's Content-Type; `unknown` when not asked for or not readable. Never the value. */
  kind: z.enum(['text', 'file', 'unknown']),
});
export type SecretEntry = z.infer<typeof secretEntrySchema>;

export const iamFileSchema = z.strictObject({
  format: z.literal(IAM_FILE_FORMAT),
  version: z.literal(IAM_FILE_VERSION),
  exportedAt: z.optional(z.string()),
  users: z.array(userEntrySchema),
  serviceAccounts: z.array(serviceAccountEntrySchema),
  groups: z.array(groupEntrySchema),
  acls: z.array(aclEntrySchema),
  identityProviders: z.strictObject({ oidc: z.array(oidcEntrySchema), saml: z.array(samlEntrySchema) }),
  /** null: no directory configured. */
  ldap: z.nullable(ldapEntrySchema),
  /** null: the secret store was not exported (the account may not list it). */
  secrets: z.nullable(z.array(secretEntrySchema)),
});
export type IamFile = z.infer<typeof iamFileSchema>;

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byAction = (a: Action, b: Action) => ACTIONS.indexOf(a) - ACTIONS.indexOf(b);
const grantId = (g: GrantEntry) => ('group' in g ? `g:${g.group}` : `u:${g.user}`);

/** Keys in a fixed order and every list sorted: the same cluster always gives the same bytes. */
export function canonical(file: IamFile): IamFile {
  const sortedUnique = <T>(items: readonly T[], id: (item: T) => string) => {
    const seen = new Map<string, T>();
    for (const item of items) seen.set(id(item), item);
    return [...seen.entries()].sort(([a], [b]) => compareText(a, b)).map(([, item]) => item);
  };
  return {
    format: IAM_FILE_FORMAT,
    version: IAM_FILE_VERSION,
    ...(file.exportedAt === undefined ? {} : { exportedAt: file.exportedAt }),
    users: sortedUnique(file.users, (u) => u.uid).map((u) => ({
      uid: u.uid,
      description: u.description,
      provider: u.provider,
      ...(u.providerId === undefined ? {} : { providerId: u.providerId }),
    })),
    serviceAccounts: sortedUnique(file.serviceAccounts, (s) => s.uid).map((s) => ({
      uid: s.uid,
      description: s.description,
      publicKey: s.publicKey,
    })),
    groups: sortedUnique(file.groups, (g) => g.gid).map((g) => ({
      gid: g.gid,
      description: g.description,
      ...(g.providerType === undefined ? {} : { providerType: g.providerType }),
      members: [...new Set(g.members)].sort(compareText),
    })),
    acls: sortedUnique(file.acls, (a) => a.rid).map((a) => ({
      rid: a.rid,
      description: a.description,
      grants: sortedUnique(
        a.grants.filter((g) => g.actions.length > 0),
        grantId,
      ).map((g) => {
        const actions = [...new Set(g.actions)].sort(byAction);
        return 'group' in g ? { group: g.group, actions } : { user: g.user, actions };
      }),
    })),
    identityProviders: {
      oidc: sortedUnique(file.identityProviders.oidc, (p) => p.id).map((p) => sortKeys(p)),
      saml: sortedUnique(file.identityProviders.saml, (p) => p.id).map((p) => sortKeys(p)),
    },
    ldap: file.ldap === null ? null : sortKeys(file.ldap),
    secrets:
      file.secrets === null
        ? null
        : sortedUnique(file.secrets, (s) => s.path).map((s) => ({ path: s.path, kind: s.kind })),
  };
}

/** An object with its keys in code-point order (nested objects too), for settings kept in the IAM's own shape. */
function sortKeys<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, v]): [string, unknown] => [
      k,
      v !== null && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v as object) : v,
    ]);
  return Object.fromEntries(entries) as T;
}

/** The file's text: canonical, two-space indented, one trailing newline. */
export function serializeIamFile(file: IamFile): string {
  return `${JSON.stringify(canonical(file), null, 2)}\n`;
}

export type ParseResult = { ok: true; file: IamFile } | { ok: false; errors: string[] };

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads a file's text: every problem is named with its place in the file (`acls[3].grants[0].actions[1]`). */
export function parseIamFile(source: string): ParseResult {
  if (source.length > MAX_FILE_BYTES) return { ok: false, errors: ['The file is larger than 50 MiB.'] };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [`Not JSON: ${error instanceof Error ? error.message : 'unreadable'}.`] };
  }
  if (typeof value === 'object' && value !== null && 'version' in value && value.version !== IAM_FILE_VERSION) {
    return {
      ok: false,
      errors: [
        `This console reads IAM file version ${IAM_FILE_VERSION}; the file is version ${String(value.version)}.`,
      ],
    };
  }
  const parsed = iamFileSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, 20).map((issue) => {
      const where = issue.path.length === 0 ? 'file' : formatPath(issue.path);
      return `${where}: ${describeIssue(issue)}`;
    });
    if (parsed.error.issues.length > 20) errors.push(`… and ${parsed.error.issues.length - 20} more problems.`);
    return { ok: false, errors };
  }
  const duplicates = duplicateProblems(parsed.data);
  if (duplicates.length > 0) return { ok: false, errors: duplicates };
  return { ok: true, file: canonical(parsed.data) };
}

/** zod/mini carries no locale (its messages are “Invalid input”): the words are the console's own. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `not part of the format: ${issue.keys.map((k) => `“${k}”`).join(', ')}.`;
    case 'invalid_type':
      return `expected ${issue.expected}.`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item.` : 'must not be empty.';
    case 'too_big':
      return `longer than ${String(issue.maximum)}.`;
    case 'invalid_union':
      return 'a grant names either a user or a group, with its actions (full, create, read, update, delete).';
    default:
      return issue.message === 'Invalid input' ? 'not valid here.' : issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function duplicateProblems(file: IamFile): string[] {
  const problems: string[] = [];
  const check = (list: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${list}: “${id}” appears twice.`);
      seen.add(id);
    }
  };
  check('users and serviceAccounts', [...file.users.map((u) => u.uid), ...file.serviceAccounts.map((s) => s.uid)]);
  check(
    'groups',
    file.groups.map((g) => g.gid),
  );
  check(
    'acls',
    file.acls.map((a) => a.rid),
  );
  check(
    'identityProviders',
    [...file.identityProviders.oidc, ...file.identityProviders.saml].map((p) => p.id),
  );
  return problems;
}

export function emptyIamFile(): IamFile {
  return {
    format: IAM_FILE_FORMAT,
    version: IAM_FILE_VERSION,
    users: [],
    serviceAccounts: [],
    groups: [],
    acls: [],
    identityProviders: { oidc: [], saml: [] },
    ldap: null,
    secrets: null,
  };
}
