import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { readJson, request, requestResponse, requestVoid } from './request.ts';

const IAM = '/acs/api/v1';

export const loginInputSchema = z.object({
  uid: z.string().check(z.trim(), z.minLength(1, 'Enter your username.')),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

const loginResponseSchema = z.object({ token: z.string().check(z.minLength(1)) });
const tokenClaimsSchema = z.object({ exp: z.number().check(z.positive()) });
const tokenUidSchema = z.object({ uid: z.string().check(z.minLength(1)) });

/** The token's claims, unchecked (the IAM checks its signature; the console only reads its own session's end and uid). */
function tokenClaims(token: string): unknown {
  const body = token.split('.')[1];
  if (!body) return null;
  try {
    return JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}

/** The token's `exp` (seconds since the epoch, the server's clock), or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  const claims = tokenClaimsSchema.safeParse(tokenClaims(token));
  return claims.success ? claims.data.exp : null;
}

/** The account a DC/OS token was issued to (its `uid` claim), or null when it cannot be read. */
export function tokenUid(token: string): string | null {
  const claims = tokenUidSchema.safeParse(tokenClaims(token));
  return claims.success ? claims.data.uid : null;
}

/**
 * When a session whose token says `exp` ends, in this browser's clock: the server's Date header (when it sends one)
 * corrects a clock that runs fast or slow, so the warning comes a minute before the end wherever the laptop's clock is.
 */
export function sessionEnd(exp: number, serverDate: string | null, now = Date.now()): number {
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  const skew = Number.isNaN(serverNow) ? 0 : serverNow - now;
  return exp * 1000 - skew;
}

/**
 * Signs in with a local uid and password. The server sets the HttpOnly session cookie; the token in the body is
 * checked for shape and dropped (the console never keeps a token where scripts could read it); what is returned is when
 * the session ends in this browser's clock (null when the token does not say), for the warning a minute before.
 */
/**
 * Signs in with a uid and password. Answers when the session ends and whose it is (the token's `uid` claim, else the
 * uid typed); the token itself goes no further than this function.
 */
export async function login(input: LoginInput): Promise<{ expiresAt: number | null; uid: string }> {
  const response = await requestResponse(`${IAM}/auth/login`, {
    method: 'POST',
    body: { uid: input.uid, password: input.password },
    reauth: false,
  });
  const { token } = await readJson(response, loginResponseSchema);
  const exp = tokenExpiry(token);
  return {
    expiresAt: exp === null ? null : sessionEnd(exp, response.headers.get('date')),
    uid: tokenUid(token) ?? input.uid,
  };
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
export const providerMapSchema = z.catchall(z.object({}), z.string());

/**
 * Every configured identity provider for the sign-in buttons, OIDC first, each list in the server's order. A list that
 * cannot be read within a few seconds is left out: the local form stays usable when single sign-on is not.
 */
export async function getLoginProviders(): Promise<LoginProvider[]> {
  const lists = await Promise.all(
    (['oidc', 'saml'] as const).map(async (kind) => {
      const map = await request(`${IAM}/auth/${kind}/providers`, providerMapSchema, {
        reauth: false,
        timeoutMs: 5000,
      }).catch(() => ({}));
      return Object.entries(map).map(([id, description]) => ({ kind, id, description }));
    }),
  );
  return lists.flat();
}

/** Every cached answer about identity providers sits under this key (api/providers.ts); changes refresh them all. */
export const PROVIDERS_KEY = 'identity-providers';

/** The sign-in buttons' providers, for renewing a session in place (the public lists: no session needed). */
export const loginProvidersQuery = () =>
  queryOptions({ queryKey: [PROVIDERS_KEY, 'login'] as const, queryFn: getLoginProviders });

/** Where a provider's sign-in starts: the IAM redirects to the IdP and, at the end, back to `target`. */
export function ssoStartUrl(provider: Pick<LoginProvider, 'kind' | 'id'>, target: string): string {
  return `${IAM}/auth/login?${new URLSearchParams({ [`${provider.kind}-provider`]: provider.id, target }).toString()}`;
}
