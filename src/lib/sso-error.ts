/**
 * What the console says about a failed single sign-on, from the `iam-error` the IAM puts in the URL (`/?iam-error=…`).
 * Anyone can write that URL and send it to an admin, so its text is never shown (issue 19: content spoofing, "Your
 * account is locked, call +1…"). A reason the console knows gets the console's own words; anything else is a generic
 * failure, with the IAM's error code when the text is nothing but one (`ERR_CANNOT_IMPORT_USER`).
 */
const KNOWN: readonly (readonly [RegExp, string])[] = [
  [
    /^The login provider with ID '.*' is not known$|^SAML provider `.*` not known$/s,
    'That identity provider is not set up on this cluster. Choose another way to sign in.',
  ],
  [
    /^Cannot import user `.*`: a local account with this uid exists\.$/s,
    'The identity provider named an account that already exists here as a local account, so it cannot be used for single sign-on. Sign in with its password, or ask an administrator.',
  ],
  [
    /^Cannot import user `.*`: an account with this uid comes from another identity provider\.$/s,
    'The identity provider named an account that another identity provider or the directory already brought in. Sign in the way that account was created.',
  ],
  [
    /^Cannot import user `.*`: not a valid user ID\.$/s,
    'The identity provider named an account whose name is not a valid DC/OS user ID. Ask an administrator.',
  ],
  [
    /cookie missing$|\(bad state\)/s,
    'The sign-in was started in another browser or window, or took too long. Start it again from this page.',
  ],
  [
    /^Sign-in with .* did not complete: the identity provider (denied it|answered access_denied)/s,
    'The identity provider did not approve the sign-in.',
  ],
  [/^Sign-in with .* did not complete: the identity provider answered /s, 'The identity provider refused the sign-in.'],
  [
    /^Sign-in with .* failed: the authorization code is unknown, used or expired\.$/s,
    'The sign-in had already been used or had expired. Start it again from this page.',
  ],
  [
    /^Sign-in with .* failed: the SAML response /s,
    'The identity provider’s answer could not be accepted. Start again, or ask an administrator to check the provider’s settings.',
  ],
  [
    /^The user could not be imported\.$/,
    'The account could not be brought in from the identity provider. Try again later.',
  ],
];

const CODE = /^[A-Z][A-Z0-9_]{2,63}$/;

export function describeSsoError(raw: string): string {
  const text = raw.trim();
  for (const [pattern, words] of KNOWN) if (pattern.test(text)) return words;
  const code = CODE.test(text) ? ` (code ${text})` : '';
  return `The identity provider or the cluster refused the sign-in${code}. Try again, or sign in with a username and password.`;
}
