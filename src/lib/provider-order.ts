interface ProviderKey {
  kind: string;
  id: string;
  description: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The one order identity providers are listed in, on the sign-in page and on Settings › Identity providers:
 * alphabetical by description (the words of the "Sign in with …" button, which the admin chose and can change),
 * ignoring case and accents; equal descriptions by ID, then OIDC before SAML. The IAM's two lists are JSON objects
 * whose key order nothing documents, so that order is not one an admin could rely on or control.
 */
export function compareProviders(a: ProviderKey, b: ProviderKey): number {
  return collator.compare(a.description, b.description) || collator.compare(a.id, b.id) || a.kind.localeCompare(b.kind);
}

/** A sorted copy: the query's cached array stays as the server sent it. */
export function sortProviders<P extends ProviderKey>(providers: readonly P[]): P[] {
  return [...providers].sort(compareProviders);
}
