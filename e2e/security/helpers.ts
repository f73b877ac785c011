import type { APIResponse, Page } from '@playwright/test';
import { DEMO, expect } from '../fixtures.ts';

/**
 * The simulator's API as the signed-in superuser, through the page's own request context: it shares the browser
 * context's cookies (the test's `dcos-sim-db` and, after `signIn`, the session), so seeding is fast and lands in the
 * test's database. Writes carry the console's CSRF header like the console's own requests.
 */
export async function adminApi(page: Page, uid: string = DEMO.uid, password: string = DEMO.password) {
  const login = await page.request.post('/acs/api/v1/auth/login', { data: { uid, password } });
  expect(login.status(), await login.text()).toBe(200);
  const headers = { 'X-Requested-With': 'dcos-console' };
  const ok = async (response: APIResponse) => {
    expect(response.status(), `${response.url()}: ${await response.text()}`).toBeLessThan(300);
    return response;
  };
  return {
    get: (path: string) => page.request.get(path),
    put: async (path: string, data?: unknown) =>
      ok(await page.request.put(path, { headers, ...(data === undefined ? {} : { data }) })),
    patch: async (path: string, data: unknown) => ok(await page.request.patch(path, { headers, data })),
    delete: async (path: string) => ok(await page.request.delete(path, { headers })),
  };
}

/** Everything a script in the page can read that could hold a leaked value, as one string. */
async function readableState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from(
        { length: storage.length },
        (_, i) => `${storage.key(i) ?? ''}=${storage.getItem(storage.key(i) ?? '') ?? ''}`,
      );
    const idb: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('getAll failed'));
        });
        idb.push(`${info.name}/${store}=${JSON.stringify(all)}`);
      }
      db.close();
    }
    return [
      ...dump(localStorage),
      ...dump(sessionStorage),
      ...idb,
      `cookie=${document.cookie}`,
      `url=${location.href}`,
      `title=${document.title}`,
    ].join('\n');
  });
}

/**
 * No session token (nor any JWT) and none of `values` in storage, IndexedDB, readable cookies, the URL or the
 * console output collected so far.
 */
export async function expectNothingExposed(page: Page, values: readonly string[], consoleMessages: readonly string[]) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'dcos-acs-auth-cookie')?.value;
  const state = await readableState(page);
  const logged = consoleMessages.join('\n');
  for (const [where, text] of [
    ['storage, cookies or URL', state],
    ['the console', logged],
  ] as const) {
    expect(text, where).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
    if (token) expect(text, where).not.toContain(token);
    for (const value of values) expect(text, where).not.toContain(value);
  }
}

/** Watches a page for XSS: dialogs opened; later `expectNoXss` also checks the canary and handler attributes. */
export function watchForXss(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    async expectNoXss() {
      const found = await page.evaluate(() => {
        const handlers = Array.from(document.querySelectorAll('*')).flatMap((element) =>
          Array.from(element.attributes)
            .filter(
              (attribute) => attribute.name.toLowerCase().startsWith('on') || /^\s*javascript:/i.test(attribute.value),
            )
            .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
        );
        return {
          canary: (window as unknown as { __xss?: unknown }).__xss,
          handlers,
          frames: document.querySelectorAll('iframe, object, embed').length,
        };
      });
      expect(found).toEqual({ canary: undefined, handlers: [], frames: 0 });
      expect(dialogs).toEqual([]);
    },
  };
}
