import { ssoStartUrl, type LoginProvider } from '@/api/auth.ts';
import { safeRedirectTarget } from '@/lib/safe-redirect.ts';
import { rememberSessionExpiry } from '@/lib/session.ts';
import { publicPath } from '@/lib/base.ts';
import { sortProviders } from '@/lib/provider-order.ts';

const SHOWN = 3;

function Links({ providers, target }: { providers: LoginProvider[]; target: string }) {
  return (
    <ul className="plain-list stack">
      {providers.map((p) => (
        <li key={`${p.kind}/${p.id}`}>
          {/* The session single sign-on starts has an end the console is never told: forget any earlier one. */}
          {/* The IAM sends the browser to `target` as is: the address bar's path, mount included. */}
          <a className="btn" href={ssoStartUrl(p, publicPath(target))} onClick={() => rememberSessionExpiry(null)}>
            Sign in with {p.description}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Sign in with …" for every configured identity provider: plain links into the IAM's single sign-on, which comes back
 * to `target` (checked again at the end of the flow). The first three show, the rest behind a native "More"
 * disclosure (keyboard and screen reader support for free, no script).
 *
 * Order: alphabetical by description, then by ID (`sortProviders`, lib/provider-order.ts), the same order as
 * Settings › Identity providers. Which providers show first is then the admin's to decide, by their descriptions, and
 * does not change with the order the IAM happens to send its two lists in.
 */
export function SsoButtons({ providers, target: wanted }: { providers: LoginProvider[]; target: string }) {
  if (providers.length === 0) return null;
  // The one redirect check (lib/safe-redirect.ts), here too: whoever renders the buttons, the IAM is never handed a
  // target that leaves the console.
  const target = safeRedirectTarget(wanted);
  const ordered = sortProviders(providers);
  return (
    <section aria-label="Single sign-on" className="sso">
      <p className="muted">Or sign in with an identity provider:</p>
      <Links providers={ordered.slice(0, SHOWN)} target={target} />
      {ordered.length > SHOWN && (
        <details>
          <summary>More ({ordered.length - SHOWN})</summary>
          <Links providers={ordered.slice(SHOWN)} target={target} />
        </details>
      )}
    </section>
  );
}
