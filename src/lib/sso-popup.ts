// Renewing a session with single sign-on without leaving the page: the sign-in runs in a popup window, which ends on a
// page of this console and reports back with postMessage (sso-popup-report.ts). Only a message from this origin, sent
// by that very window, counts; it carries no token (the session is the HttpOnly cookie the IAM set in the popup).
import type { SsoPopupResult } from './sso-popup-report.ts';

/** The same names as in sso-popup-report.ts (see there why they are repeated). */
export const SSO_POPUP_NAME = 'dcos-sso-popup';
export const SSO_MESSAGE_TYPE = 'dcos-console:sso-result';

export type { SsoPopupResult } from './sso-popup-report.ts';

interface SsoMessage {
  type: typeof SSO_MESSAGE_TYPE;
  ok: boolean;
  message?: string;
}

function isSsoMessage(data: unknown): data is SsoMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === SSO_MESSAGE_TYPE &&
    typeof (data as { ok?: unknown }).ok === 'boolean'
  );
}

export interface SsoPopup {
  result: Promise<SsoPopupResult>;
  /** Stops listening (the dialog closed); the popup, if still open, is closed too. */
  cancel: () => void;
}

/**
 * Opens `url` in a popup and resolves with what the popup reports; a blocked popup, or one closed before it reports,
 * resolves with the reason.
 */
export function openSsoPopup(url: string): SsoPopup {
  const popup = window.open(url, SSO_POPUP_NAME, 'popup,width=520,height=680');
  if (!popup) {
    return {
      result: Promise.resolve({
        ok: false,
        message: 'The browser blocked the sign-in window. Allow pop-ups for this site, or use your password.',
      }),
      cancel: () => undefined,
    };
  }
  let stop: () => void = () => undefined;
  const result = new Promise<SsoPopupResult>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== popup || !isSsoMessage(event.data)) return;
      stop();
      resolve(
        event.data.ok ? { ok: true } : { ok: false, message: event.data.message ?? 'The sign-in did not complete.' },
      );
    };
    // Closing the window by hand never sends a message: notice it. The popup also closes itself right after
    // reporting, so a closed window gets a moment for its message to arrive first.
    let grace: number | undefined;
    const timer = window.setInterval(() => {
      if (!popup.closed || grace !== undefined) return;
      grace = window.setTimeout(() => {
        stop();
        resolve({ ok: false, message: 'The sign-in window was closed before the sign-in finished.' });
      }, 300);
    }, 400);
    stop = () => {
      window.removeEventListener('message', onMessage);
      window.clearInterval(timer);
      window.clearTimeout(grace);
    };
    window.addEventListener('message', onMessage);
  });
  return {
    result,
    cancel: () => {
      stop();
      if (!popup.closed) popup.close();
    },
  };
}
