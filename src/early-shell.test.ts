import { afterEach, describe, expect, it } from 'vitest';
import { INFO_COOKIE } from '@/lib/session.ts';
import { EARLY_SHELL_COOKIE, earlyShellScript } from './early-shell.ts';

const HREF = '/assets/frame-AbC123.js';

/** Runs the generated lines as the browser runs theme-init.js, at `path`, with or without the session-info cookie. */
function runAt(path: string, signedIn: boolean): string[] {
  window.history.replaceState(null, '', path);
  document.cookie = signedIn ? `${INFO_COOKIE}=eyJ1aWQiOiJhbGljZSJ9; Path=/` : `${INFO_COOKIE}=; Path=/; Max-Age=0`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated text is a script for the browser: run it as one.
  const script = new Function(earlyShellScript(HREF)) as () => void;
  script();
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.getAttribute('href') ?? '');
}

afterEach(() => {
  for (const link of document.head.querySelectorAll('link[rel="modulepreload"]')) link.remove();
  document.cookie = `${INFO_COOKIE}=; Path=/; Max-Age=0`;
  window.history.replaceState(null, '', '/');
});

describe('the early shell lines of theme-init.js', () => {
  it('look for the cookie the console sets', () => {
    expect(EARLY_SHELL_COOKIE).toBe(INFO_COOKIE);
  });

  it('ask for the shell chunk on a signed-in page', () => {
    expect(runAt('/organization/users?q=ali', true)).toEqual([HREF]);
  });

  it('ask for nothing on the sign-in page or without a session', () => {
    expect(runAt('/login?redirect=%2Fsecrets', true)).toEqual([]);
    expect(runAt('/organization/users', false)).toEqual([]);
  });
});
