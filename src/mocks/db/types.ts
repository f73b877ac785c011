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
}

export const SCALE_KEYS: readonly (keyof SimScale)[] = ['users', 'groups', 'serviceAccounts'];
/** Upper bound for each scale count: enough for any UI stress test, small enough not to exhaust memory. */
export const MAX_SCALE = 100_000;

export interface SimDbOptions extends Partial<SimScale> {
  securityMode: SecurityMode;
  /** Lifetime of the tokens this db's logins issue, in seconds. */
  tokenTtlSeconds: number;
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
}
