/**
 * DC/OS spaces: "the secret path controls which services can access it". A service may read a secret when the
 * secret's parent path, with `/` prepended, is its app ID's group or an ancestor of it; a secret with no path is
 * readable by every service (DOCS security/ent/index.md#spaces).
 */
export function secretSpace(secretPath: string): string | null {
  const cut = secretPath.lastIndexOf('/');
  return cut < 0 ? null : `/${secretPath.slice(0, cut)}`;
}

export function canServiceRead(secretPath: string, appId: string): boolean {
  const space = secretSpace(secretPath);
  if (space === null) return true;
  const app = appId.startsWith('/') ? appId : `/${appId}`;
  return app === space || app.startsWith(`${space}/`);
}

/** In words, for the secret's page. */
export function describeSpace(secretPath: string): string {
  const space = secretSpace(secretPath);
  return space === null
    ? 'This secret has no path, so every service in the cluster may read it.'
    : `Services whose ID is ${space} or lies under ${space}/ may read this secret; other services may not.`;
}
