import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request, requestVoid } from './request.ts';

const IAM = '/acs/api/v1';

export const loginInputSchema = z.object({
  uid: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

const loginResponseSchema = z.object({ token: z.string().min(1) });

/**
 * Signs in with a local uid and password. The server sets the HttpOnly session cookie; the token in the body is
 * checked for shape and then dropped: the console never keeps a token where scripts could read it.
 */
export async function login(input: LoginInput): Promise<void> {
  await request(`${IAM}/auth/login`, loginResponseSchema, { method: 'POST', body: { uid: input.uid, password: input.password }, reauth: false });
}

/** Ends the session on the server: the IAM expires the HttpOnly auth cookie. */
export async function logout(): Promise<void> {
  await requestVoid(`${IAM}/auth/logout`, { reauth: false });
}

export type SsoKind = 'oidc' | 'saml';

export interface LoginProvider {
  kind: SsoKind;
  id: string;
  description: string;
}

/** The public provider lists, `{"<provider-id>": "<description>"}` (a catch-all object: z.record would cost 1 KiB). */
export const providerMapSchema = z.object({}).catchall(z.string());

/**
 * Every configured identity provider for the sign-in buttons, OIDC first, each list in the server's order. A list that
 * cannot be read within a few seconds is left out: the local form stays usable when single sign-on is not.
 */
export async function getLoginProviders(): Promise<LoginProvider[]> {
  const lists = await Promise.all(
    (['oidc', 'saml'] as const).map(async (kind) => {
      const map = await request(`${IAM}/auth/${kind}/providers`, providerMapSchema, { reauth: false, timeoutMs: 5000 }).catch(() => ({}));
      return Object.entries(map).map(([id, description]) => ({ kind, id, description }));
    }),
  );
  return lists.flat();
}

/** Every cached answer about identity providers sits under this key (api/providers.ts); changes refresh them all. */
export const PROVIDERS_KEY = 'identity-providers';

/** The sign-in buttons' providers, for renewing a session in place (the public lists: no session needed). */
export const loginProvidersQuery = () => queryOptions({ queryKey: [PROVIDERS_KEY, 'login'] as const, queryFn: getLoginProviders });

/** Where a provider's sign-in starts: the IAM redirects to the IdP and, at the end, back to `target`. */
export function ssoStartUrl(provider: Pick<LoginProvider, 'kind' | 'id'>, target: string): string {
  return `${IAM}/auth/login?${new URLSearchParams({ [`${provider.kind}-provider`]: provider.id, target }).toString()}`;
}
