// The popup's side of renewing a session with single sign-on (the opener's side is sso-popup.ts). The two names are
// repeated there on purpose: a module shared by both sides would be one more file in the list the sign-in page loads,
// which has a byte budget; sso-popup.test.ts checks that both sides agree.

/** The popup's window name: pages in it know they should report to their opener rather than carry on. */
export const SSO_POPUP_NAME = 'dcos-sso-popup';
export const SSO_MESSAGE_TYPE = 'dcos-console:sso-result';

export type SsoPopupResult = { ok: true } | { ok: false; message: string };

/** From the popup: tells the opener how the sign-in ended, at this origin only, then closes. False outside the popup. */
export function reportToOpener(result: SsoPopupResult): boolean {
  const opener = window.opener as Window | null;
  if (window.name !== SSO_POPUP_NAME || !opener) return false;
  opener.postMessage({ type: SSO_MESSAGE_TYPE, ...result }, window.location.origin);
  window.close();
  return true;
}
