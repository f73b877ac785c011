// The simulated identity provider's pages: real HTML forms, no script. The person picks or types an account and
// approves or denies; for SAML a second page posts the response back to the cluster (the HTTP-POST binding without
// its auto-submit script: the person presses Continue).
import { IDP_ACCOUNTS } from '../db/sso.ts';
import { escapeHtml, hiddenInputs, htmlPage } from './html.ts';

export interface SignInPage {
  /** The provider's description and who it stands in for (issuer or IdP entity ID). */
  providerName: string;
  standsFor: string;
  /** Where the form posts (the page's own path) and what it carries along. */
  action: string;
  hidden: Record<string, string>;
  error?: string;
  typed?: string;
}

export function signInPage(page: SignInPage, status = 200): Response {
  const radios = IDP_ACCOUNTS.map(
    (account, index) =>
      `<label><input type="radio" name="account" value="${escapeHtml(account.login)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(account.name)} (${escapeHtml(account.login)})</label>`,
  ).join('');
  const error = page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : '';
  const body = `<h1>Sign in with ${escapeHtml(page.providerName)}</h1>
<p class="muted">Simulated identity provider standing in for ${escapeHtml(page.standsFor)}. DC/OS asks who you are.</p>
${error}<form method="post" action="${escapeHtml(page.action)}">${hiddenInputs(page.hidden)}
<fieldset><legend>Account</legend>${radios}</fieldset>
<label for="idp-login">Or type another account (email address or username)</label>
<input type="text" id="idp-login" name="login" autocomplete="off" value="${escapeHtml(page.typed ?? '')}">
<div class="actions"><button class="primary" type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div></form>`;
  return htmlPage(`Sign in with ${page.providerName} (simulated IdP)`, body, status);
}

/** The HTTP-POST binding's page: the response goes back to the cluster when the person presses Continue. */
export function samlPostPage(
  providerName: string,
  acsUrl: string,
  fields: { SAMLResponse: string; RelayState: string },
  approved: boolean,
): Response {
  const body = `<h1>${approved ? 'Signed in' : 'Sign-in denied'} at ${escapeHtml(providerName)}</h1>
<p>${approved ? 'Continue to send your sign-in back to DC/OS.' : 'Continue to tell DC/OS that you denied the sign-in.'}</p>
<form method="post" action="${escapeHtml(acsUrl)}">${hiddenInputs(fields)}
<div class="actions"><button class="primary" type="submit">Continue to DC/OS</button></div></form>`;
  return htmlPage(`${providerName} (simulated IdP)`, body);
}

/** An error the IdP shows itself, without sending the person anywhere (e.g. an unregistered redirect URI). */
export function idpErrorPage(message: string, status = 400): Response {
  return htmlPage(
    'Identity provider error',
    `<h1>Identity provider error</h1><p class="error" role="alert">${escapeHtml(message)}</p>`,
    status,
  );
}
