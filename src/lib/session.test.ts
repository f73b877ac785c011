import { describe, expect, it, vi } from 'vitest';
import {
  expireSessionInfo,
  knownSession,
  onSessionExpiryChange,
  readSessionInfo,
  rememberSession,
  rememberSessionExpiry,
  sessionExpiresAt,
  sessionLabel,
  writeSessionInfo,
} from './session.ts';

function setInfo(value: string) {
  document.cookie = `dcos-acs-info-cookie=${value}; Path=/`;
}
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

describe('the info cookie', () => {
  it('is absent before sign-in', () => {
    expect(readSessionInfo()).toBeNull();
  });

  it('decodes base64 JSON, including non-ASCII descriptions', () => {
    setInfo(encode({ uid: 'jose', description: 'José Müller', is_remote: false }));
    expect(readSessionInfo()).toEqual({ uid: 'jose', description: 'José Müller', is_remote: false });
  });

  it('accepts the quoted form and missing optional fields', () => {
    setInfo(`"${encode({ uid: 'joe' })}"`);
    expect(readSessionInfo()).toEqual({ uid: 'joe', description: '', is_remote: false });
  });

  it.each(['not-base64!', encode({ description: 'no uid' }), encode('a string')])(
    'ignores a garbled cookie %s',
    (value) => {
      setInfo(value);
      expect(readSessionInfo()).toBeNull();
    },
  );

  it('gives the same account for the same cookie, and follows the cookie when it changes', () => {
    setInfo(encode({ uid: 'ann', description: 'Ann' }));
    const first = readSessionInfo();
    expect(readSessionInfo()).toBe(first);
    setInfo(encode({ uid: 'bob', description: 'Bob' }));
    expect(readSessionInfo()?.uid).toBe('bob');
    setInfo('not-base64!');
    expect(readSessionInfo()).toBeNull();
    setInfo(encode({ uid: 'ann', description: 'Ann' }));
    expect(readSessionInfo()).toEqual(first);
  });

  it('is expired by the console on sign-out', () => {
    setInfo(encode({ uid: 'joe', description: 'Joe' }));
    expireSessionInfo();
    expect(readSessionInfo()).toBeNull();
    expect(document.cookie).not.toContain('dcos-acs-info-cookie');
  });

  it('takes the account this tab knew with it, so Back after sign-out cannot offer to renew it', () => {
    rememberSession({ uid: 'joe', description: 'Joe', is_remote: false });
    expect(knownSession()?.uid).toBe('joe');
    expireSessionInfo();
    expect(knownSession()).toBeNull();
  });

  it('labels remote accounts by uid and local ones by description', () => {
    expect(sessionLabel({ uid: 'joe', description: 'Joe Doe', is_remote: false })).toBe('Joe Doe');
    expect(sessionLabel({ uid: 'joe@corp', description: 'Joe Doe', is_remote: true })).toBe('joe@corp');
    expect(sessionLabel({ uid: 'joe', description: '', is_remote: false })).toBe('joe');
  });
});

describe('the end of the session', () => {
  it('is kept as a time only, shared by the tabs, and forgotten on sign-out', () => {
    const heard = vi.fn();
    const stop = onSessionExpiryChange(heard);
    rememberSessionExpiry(1_900_000_000_000);
    expect(sessionExpiresAt()).toBe(1_900_000_000_000);
    expect(Object.values(localStorage)).toEqual(['1900000000000']);
    expireSessionInfo();
    expect(sessionExpiresAt()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
  });

  it('is unknown after single sign-on, and when storage holds garbage', () => {
    rememberSessionExpiry(1_900_000_000_000);
    rememberSessionExpiry(null);
    expect(sessionExpiresAt()).toBeNull();
    localStorage.setItem('dcos-console-session-expires-at', 'soon');
    expect(sessionExpiresAt()).toBeNull();
    localStorage.clear();
  });
});

describe('the info cookie the console writes when the browser dropped the IAM’s (issue 19)', () => {
  const LONG = 'Zoë 日本語 ✓ 🚀 '.repeat(1_000); // 10,000 characters (15,000 code units), most of them multi-byte

  it('keeps uid and is_remote, the description cut on a character boundary, and stays well under 4 KB', () => {
    writeSessionInfo({ uid: 'zoë-long', description: LONG, is_remote: false }, Date.now() + 3_600_000);
    const info = readSessionInfo();
    expect(info?.uid).toBe('zoë-long');
    expect(info?.is_remote).toBe(false);
    expect(LONG.startsWith(info?.description ?? 'x')).toBe(true);
    expect(Array.from(info?.description ?? '')).toHaveLength(600);
    const cookie = document.cookie.split('; ').find((part) => part.startsWith('dcos-acs-info-cookie=')) ?? '';
    expect(new TextEncoder().encode(cookie).length).toBeLessThan(3_600);
  });

  it('round-trips any description, whatever its characters', () => {
    for (const description of ['', 'José Müller', '"quoted"; Path=/evil', '\u0000\u001f', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'.repeat(200)]) {
      writeSessionInfo({ uid: 'u', description, is_remote: true }, null);
      expect(readSessionInfo()).toEqual({
        uid: 'u',
        description: Array.from(description).slice(0, 600).join(''),
        is_remote: true,
      });
    }
  });

  it('labels the account with at most 60 characters', () => {
    expect(sessionLabel({ uid: 'z', description: LONG, is_remote: false })).toHaveLength(
      Array.from(LONG).slice(0, 59).join('').length + 1,
    );
    expect(sessionLabel({ uid: 'z', description: LONG, is_remote: false }).endsWith('…')).toBe(true);
    expect(sessionLabel({ uid: 'z', description: 'Short', is_remote: false })).toBe('Short');
  });
});
