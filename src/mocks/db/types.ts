export type SecurityMode = 'disabled' | 'permissive' | 'strict';
export type ProviderType = 'internal' | 'ldap' | 'oidc' | 'saml';
export type Action = 'create' | 'read' | 'update' | 'delete' | 'full';

export const SECURITY_MODES: readonly SecurityMode[] = ['disabled', 'permissive', 'strict'];
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

export interface SimDbOptions {
  securityMode: SecurityMode;
  /** Lifetime of the tokens this db's logins issue, in seconds. */
  tokenTtlSeconds: number;
}

export interface SimDb extends SimDbOptions {
  id: string;
  users: Map<string, SimUser>;
  groups: Map<string, SimGroup>;
  /** gid → member uids */
  memberships: Map<string, Set<string>>;
  acls: Map<string, SimAcl>;
}
