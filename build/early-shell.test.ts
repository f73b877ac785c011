import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { dropEarlyResponses, EARLY_RESPONSE_MAX_AGE_MS, EARLY_RESPONSES } from '@/api/early-responses.ts';
import { CSRF_HEADER, CSRF_VALUE, request } from '@/api/request.ts';
import { INFO_COOKIE } from '@/lib/session.ts';
import { EARLY_HEADERS, EARLY_SHELL_COOKIE, earlyShellScript } from './early-shell.ts';

const HREF = 'assets/frame-AbC123.js';
/** `{"uid":"alice"}` as the IAM encodes the info cookie. */
const ALICE = 'eyJ1aWQiOiJhbGljZSJ9';

type Early = Record<string, { at: number; response: Promise<Response> }>;
const early = () => (window as unknown as Record<string, Early | undefined>)[EARLY_RESPONSES];

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ from: 'network' })));
  vi.stubGlobal('fetch', fetchMock);
});

/** Runs the generated lines as the browser runs theme-init.js, at `path`, with or without the session-info cookie. */
function runAt(path: string, cookie: string | null): string[] {
  window.history.replaceState(null, '', path);
  document.cookie = cookie !== null ? `${INFO_COOKIE}=${cookie}; Path=/` : `${INFO_COOKIE}=; Path=/; Max-Age=0`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated text is a script for the browser: run it as one.
  const script = new Function(earlyShellScript(HREF)) as () => void;
  script();
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
    (link) => link.getAttribute('href') ?? '',
  );
}

afterEach(() => {
  for (const link of document.head.querySelectorAll('link[rel="modulepreload"]')) link.remove();
  document.cookie = `${INFO_COOKIE}=; Path=/; Max-Age=0`;
  window.history.replaceState(null, '', '/');
  Reflect.deleteProperty(window, EARLY_RESPONSES);
  vi.unstubAllGlobals();
});

describe('the early lines of theme-init.js', () => {
  it('use the cookie and the headers the console uses', () => {
    expect(EARLY_SHELL_COOKIE).toBe(INFO_COOKIE);
    expect(EARLY_HEADERS).toEqual({ Accept: 'application/json', [CSRF_HEADER]: CSRF_VALUE });
  });

  it('on a signed-in page, ask for the shell chunk and for what the page reads first, as the console would', () => {
    expect(runAt('/organization/users', ALICE)).toEqual([`/${HREF}`]);
    const asked = fetchMock.mock.calls.map(([url]) => url as string);
    expect(asked).toEqual([
      '/acs/api/v1/users/alice/permissions',
      '/dcos-metadata/bootstrap-config.json',
      '/secrets/v1/seal-status/default',
      '/acs/api/v1/users',
    ]);
    for (const [, init] of fetchMock.mock.calls)
      expect(init).toEqual({ headers: EARLY_HEADERS, credentials: 'same-origin', cache: 'no-store' });
    expect(Object.keys(early() ?? {})).toEqual(asked);
  });

  it('read only the session check and the shell on a page without a list of its own', () => {
    expect(runAt('/permissions/check', ALICE)).toEqual([`/${HREF}`]);
    expect(fetchMock.mock.calls.map(([url]) => url as string)).toEqual([
      '/acs/api/v1/users/alice/permissions',
      '/dcos-metadata/bootstrap-config.json',
      '/secrets/v1/seal-status/default',
    ]);
    runAt('/constructor', ALICE);
    expect(fetchMock).toHaveBeenCalledTimes(6);
  });

  it('ask for nothing on the sign-in page, without a session, or with an unreadable cookie', () => {
    expect(runAt('/login?redirect=%2Fsecrets', ALICE)).toEqual([]);
    expect(runAt('/organization/users', null)).toEqual([]);
    runAt('/organization/users', 'not%base64');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(early()).toBeUndefined();
  });
});

describe('requests taking an early answer', () => {
  const schema = z.object({ from: z.string() });
  const plant = (path: string, response: Promise<Response>, at = Date.now()) => {
    const responses = early() ?? {};
    responses[path] = { at, response };
    (window as unknown as Record<string, Early>)[EARLY_RESPONSES] = responses;
  };

  it('take it once, instead of asking the network, and ask the network the next time', async () => {
    plant('/acs/api/v1/users', Promise.resolve(Response.json({ from: 'early' })));
    await expect(request('/acs/api/v1/users', schema)).resolves.toEqual({ from: 'early' });
    expect(fetchMock).not.toHaveBeenCalled();
    await expect(request('/acs/api/v1/users', schema)).resolves.toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('read an early error answer as any other (a 401 is an ended session)', async () => {
    plant(
      '/acs/api/v1/users',
      Promise.resolve(
        Response.json({ code: 'ERR_INVALID_DATA', title: 'Unauthorized', description: 'no' }, { status: 401 }),
      ),
    );
    await expect(request('/acs/api/v1/users', schema, { reauth: false })).rejects.toMatchObject({
      status: 401,
      kind: 'unauthenticated',
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('ask the network when the early request failed, was too old, was dropped, or the request is not a plain GET', async () => {
    plant('/a', Promise.reject(new TypeError('Failed to fetch')));
    await expect(request('/a', schema)).resolves.toEqual({ from: 'network' });
    plant('/b', Promise.resolve(Response.json({ from: 'early' })), Date.now() - EARLY_RESPONSE_MAX_AGE_MS - 1);
    await expect(request('/b', schema)).resolves.toEqual({ from: 'network' });
    plant('/c', Promise.resolve(Response.json({ from: 'early' })));
    dropEarlyResponses();
    await expect(request('/c', schema)).resolves.toEqual({ from: 'network' });
    plant('/d', Promise.resolve(Response.json({ from: 'early' })));
    await expect(request('/d', schema, { method: 'POST', body: {} })).resolves.toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('stop waiting when the caller cancels', async () => {
    plant('/slow', new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = request('/slow', schema, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeDefined();
  });
});

describe('the early lines of theme-init.js under a mount (issue 21)', () => {
  function asIfLoadedFrom(src: string) {
    Object.defineProperty(document, 'currentScript', { value: { src }, configurable: true });
  }
  afterEach(() => {
    Reflect.deleteProperty(document, 'currentScript');
  });

  it('ask for the shell beside the script, and read the page by its in-app path', () => {
    asIfLoadedFrom(`${window.location.origin}/security/theme-init.js`);
    expect(runAt('/security/organization/users', ALICE)).toEqual([`${window.location.origin}/security/${HREF}`]);
    // The API stays at the cluster's root.
    expect(fetchMock.mock.calls.map(([url]) => url as string)).toEqual([
      '/acs/api/v1/users/alice/permissions',
      '/dcos-metadata/bootstrap-config.json',
      '/secrets/v1/seal-status/default',
      '/acs/api/v1/users',
    ]);
  });

  it('ask for nothing on the mounted sign-in page', () => {
    asIfLoadedFrom(`${window.location.origin}/service/security-console/theme-init.js`);
    expect(runAt('/service/security-console/login', ALICE)).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
