import type { SimLdap } from './directory.ts';
import type { SimSso } from './sso.ts';

export type SecurityMode = 'disabled' | 'permissive' | 'strict';
export type ProviderType = 'internal' | 'ldap' | 'oidc' | 'saml';
export type Action = 'create' | 'read' | 'update' | 'delete' | 'full';

export const SECURITY_MODES: readonly SecurityMode[] = ['disabled', 'permissive', 'strict'];
export const PROVIDER_TYPES: readonly ProviderType[] = ['internal', 'ldap', 'oidc', 'saml'];
export const ACTIONS: readonly Action[] = ['create', 'read', 'update', 'delete', 'full'];

export interface SimUser {
  uid: string;
  description: string;
  /** crypt SHA-512 (`$6$…`) hash; only for local regular users. */
  passwordHash?: string;
  /** PEM public key; only for service accounts. */
  publicKey?: string;
  isService: boolean;
  providerType: ProviderType;
  providerId: string;
}

export interface SimGroup {
  gid: string;
  description: string;
  providerType: ProviderType;
}

export interface SimAcl {
  rid: string;
  description: string;
  users: Map<string, Set<Action>>;
  groups: Map<string, Set<Action>>;
}

/** How many generated entities a db gets on top of the fixed demo seed (see db/generate.ts). */
export interface SimScale {
  users: number;
  groups: number;
  serviceAccounts: number;
  /** Extra secret paths in the Secret Store (`team/app/env/name`…). */
  secrets: number;
  /** Extra ACLs (Marathon service groups, secrets, Admin Router and Mesos rids) granted to generated accounts. */
  acls: number;
}

export const SCALE_KEYS: readonly (keyof SimScale)[] = ['users', 'groups', 'serviceAccounts', 'secrets', 'acls'];
/** Upper bound for each scale count: enough for any UI stress test, small enough not to exhaust memory. */
export const MAX_SCALE = 100_000;

/** The most unseal key shares a store may be split into (Vault allows up to 255; ten is plenty for a simulator). */
export const MAX_SEAL_SHARES = 10;

export interface SimDbOptions extends Partial<SimScale> {
  securityMode: SecurityMode;
  /** Lifetime of the tokens this db's logins issue, in seconds. */
  tokenTtlSeconds: number;
  /** How many unseal key shares unseal the Secret Store (default 1; 1 ≤ threshold ≤ shares). */
  sealThreshold?: number;
  /** How many unseal key shares exist (default 1, at most MAX_SEAL_SHARES). */
  sealShares?: number;
  /** Whether the Secret Store starts sealed (default false). */
  sealed?: boolean;
}

/** A text secret: the `Secret` JSON of the Secrets API, `value` as given. */
export interface SimTextSecret {
  kind: 'text';
  value: string;
  description: string;
  labels: string[];
  /** The uid that created the secret. */
  author: string;
  /** ISO 8601 creation time. */
  created: string;
}

/** A binary secret (1.11+): raw bytes, served as `application/octet-stream`; it has no description or labels. */
export interface SimBinarySecret {
  kind: 'binary';
  bytes: Uint8Array;
  author: string;
  created: string;
}

export type SimSecret = SimTextSecret | SimBinarySecret;

/** The Secret Store's seal: Shamir-style, any `threshold` distinct of the `shares` keys unseal it. */
export interface SimSeal {
  sealed: boolean;
  threshold: number;
  shares: number;
  /** Distinct valid keys submitted since the store was last sealed or unsealed. */
  progress: number;
  /** The unseal key shares, hex; deterministic per db (db/secrets.ts). */
  keys: readonly string[];
  /** The keys counted in `progress`. */
  submitted: Set<string>;
}

export interface SimDb {
  id: string;
  securityMode: SecurityMode;
  tokenTtlSeconds: number;
  /** The extra generated entities this db was seeded with. */
  scale: SimScale;
  users: Map<string, SimUser>;
  groups: Map<string, SimGroup>;
  /** gid → member uids */
  memberships: Map<string, Set<string>>;
  acls: Map<string, SimAcl>;
  /** The Secret Store `default`: path (no leading or trailing `/`) → secret. */
  secrets: Map<string, SimSecret>;
  seal: SimSeal;
  /** OIDC and SAML providers, and sign-ins in progress (db/sso.ts). */
  sso: SimSso;
  /** The LDAP configuration and the simulated directory (db/directory.ts). */
  ldap: SimLdap;
}
