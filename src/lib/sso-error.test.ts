import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSsoError } from './sso-error.ts';

describe('describeSsoError', () => {
  it('explains the reasons the IAM gives in its own words, never echoing names from the URL', () => {
    const cases: [string, RegExp][] = [
      ["The login provider with ID 'nope' is not known", /not set up on this cluster/],
      ['SAML provider `okta` not known', /not set up on this cluster/],
      ['Cannot import user `alice`: a local account with this uid exists.', /already exists here as a local account/],
      ['dcos-iam-oidc-state cookie missing', /another browser or window/],
      [
        'The sign-in attempt is unknown or has expired (bad state). Start again from the sign-in page.',
        /another browser or window/,
      ],
      [
        'Sign-in with Google did not complete: the identity provider answered access_denied (The user said no).',
        /did not approve/,
      ],
      [
        'Sign-in with Okta failed: the authorization code is unknown, used or expired.',
        /already been used or had expired/,
      ],
    ];
    for (const [raw, words] of cases) {
      const said = describeSsoError(raw);
      expect(said, raw).toMatch(words);
      for (const name of ['nope', 'okta', 'alice', 'Google', 'Okta', 'The user said no'])
        expect(said).not.toContain(name);
    }
  });

  it('gives a code alone back as the code, inside a generic failure', () => {
    expect(describeSsoError('ERR_CANNOT_IMPORT_USER')).toBe(
      'The identity provider or the cluster refused the sign-in (code ERR_CANNOT_IMPORT_USER). Try again, or sign in with a username and password.',
    );
  });

  it('shows nothing of any other text: a phishing message in the URL reads as a generic failure', () => {
    const generic =
      'The identity provider or the cluster refused the sign-in. Try again, or sign in with a username and password.';
    expect(
      describeSsoError('Your account is locked. Call +1 555 0100 or visit https://evil.example to unlock it.'),
    ).toBe(generic);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (raw) => {
        fc.pre(!/^\s*[A-Z][A-Z0-9_]{2,63}\s*$/.test(raw));
        const said = describeSsoError(raw);
        // Whatever came in, what goes out is one of the console's own sentences.
        expect(said === generic || !said.includes(raw.trim()) || raw.trim().length < 4).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});
