import { afterEach, describe, expect, it, vi } from 'vitest';
import * as report from './sso-popup-report.ts';
import { reportToOpener, SSO_POPUP_NAME } from './sso-popup-report.ts';
import * as opener from './sso-popup.ts';
import { openSsoPopup } from './sso-popup.ts';

function fakePopup() {
  return {
    closed: false,
    close: vi.fn(function (this: { closed: boolean }) {
      this.closed = true;
    }),
  };
}

afterEach(() => {
  window.name = '';
  vi.unstubAllGlobals();
});

describe('The two sides of the popup', () => {
  it('use the same window name and message type', () => {
    expect([opener.SSO_POPUP_NAME, opener.SSO_MESSAGE_TYPE]).toEqual([report.SSO_POPUP_NAME, report.SSO_MESSAGE_TYPE]);
  });
});

describe('openSsoPopup', () => {
  it('resolves with the result the popup posts from this origin', async () => {
    const popup = fakePopup();
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { result } = openSsoPopup('/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2Fsso-done');
    expect(open).toHaveBeenCalledWith(
      '/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2Fsso-done',
      SSO_POPUP_NAME,
      'popup,width=520,height=680',
    );
    // Another origin, another window, or another kind of message: ignored.
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://evil.example',
        source: popup as unknown as Window,
        data: { type: 'dcos-console:sso-result', ok: true },
      }),
    );
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: window.location.origin,
        source: window,
        data: { type: 'dcos-console:sso-result', ok: true },
      }),
    );
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: window.location.origin,
        source: popup as unknown as Window,
        data: { type: 'other', ok: true },
      }),
    );
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: window.location.origin,
        source: popup as unknown as Window,
        data: { type: 'dcos-console:sso-result', ok: false, message: 'Denied.' },
      }),
    );
    await expect(result).resolves.toEqual({ ok: false, message: 'Denied.' });
  });

  it('says so when the browser blocks the popup', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    await expect(openSsoPopup('/x').result).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('blocked') as string,
    });
  });

  it('notices a popup closed by hand', async () => {
    vi.useFakeTimers();
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { result } = openSsoPopup('/x');
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toEqual({
      ok: false,
      message: 'The sign-in window was closed before the sign-in finished.',
    });
    vi.useRealTimers();
  });
});

describe('reportToOpener', () => {
  it('does nothing outside the sign-in popup', () => {
    expect(reportToOpener({ ok: true })).toBe(false);
  });

  it('posts to the opener at this origin only, then closes', () => {
    const postMessage = vi.fn();
    vi.stubGlobal('opener', { postMessage });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    window.name = SSO_POPUP_NAME;
    expect(reportToOpener({ ok: true })).toBe(true);
    expect(postMessage).toHaveBeenCalledWith({ type: 'dcos-console:sso-result', ok: true }, window.location.origin);
    expect(close).toHaveBeenCalled();
  });
});
