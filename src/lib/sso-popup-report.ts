// The popup's side of renewing a session with single sign-on (the opener's side is sso-popup.ts).
import { SSO_MESSAGE_TYPE, SSO_POPUP_NAME } from './sso-popup-names.ts';

export type SsoPopupResult = { ok: true } | { ok: false; message: string };

/** From the popup: tells the opener how the sign-in ended, at this origin only, then closes. False outside the popup. */
export function reportToOpener(result: SsoPopupResult): boolean {
  const opener = window.opener as Window | null;
  if (window.name !== SSO_POPUP_NAME || !opener) return false;
  opener.postMessage({ type: SSO_MESSAGE_TYPE, ...result }, window.location.origin);
  window.close();
  return true;
}
