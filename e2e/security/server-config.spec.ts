import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from '../fixtures.ts';

// What the built console's server gives away (ASVS V13.4), as `npm start` serves it: no source control data, no
// debug build or source maps, no directory listing, no TRACE, no version banners, and only the built files.

/** What an answer to a path that is not a built file is: not found, or the console's own page (a client route). */
async function servedAs(
  response: APIResponse,
  index: string,
): Promise<'not found' | 'the console page' | 'something else'> {
  if (response.status() === 404) return 'not found';
  const body = await response.text();
  return response.ok() && body === index && (response.headers()['content-type'] ?? '').startsWith('text/html')
    ? 'the console page'
    : 'something else';
}

/** The scripts and styles the built index.html loads. */
async function builtAssets(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get('/')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
  expect(assets.length).toBeGreaterThan(0);
  return [...new Set(assets)];
}

test.describe('The built console’s server', () => {
  test('[ASVS 13.4.1] serves no source control metadata', async ({ request }) => {
    const index = await (await request.get('/')).text();
    for (const path of [
      '/.git/HEAD',
      '/.git/config',
      '/.git/index',
      '/.svn/entries',
      '/.hg/hgrc',
      '/.gitignore',
      '/.env',
    ]) {
      const response = await request.get(path);
      expect(await response.text(), path).not.toMatch(
        /ref: refs\/|\[core\]|repositoryformatversion|^DIRC|node_modules|SIM_|DCOS_/m,
      );
      expect(await servedAs(response, index), path).not.toBe('something else');
    }
  });

  test('[ASVS 13.4.2] ships a production build: no source maps, no dev server client, no development React', async ({
    request,
  }) => {
    for (const asset of await builtAssets(request)) {
      const body = await (await request.get(asset)).text();
      expect(body, asset).not.toMatch(
        /sourceMappingURL|\/@vite\/client|import\.meta\.hot|react-dom\.development|__vite_plugin_react_preamble/,
      );
      const map = await request.get(`${asset}.map`);
      expect(await map.text(), `${asset}.map`).not.toContain('"mappings"');
    }
    for (const path of ['/@vite/client', '/@react-refresh', '/__vite_ping']) {
      const body = await (await request.get(path)).text();
      expect(body, path).not.toMatch(/createHotContext|import\.meta\.hot|injectIntoGlobalHook/);
    }
  });

  test('[ASVS 13.4.3] lists no directory', async ({ request }) => {
    const index = await (await request.get('/')).text();
    for (const path of ['/assets/', '/assets', '/fonts/', '/.well-known/']) {
      const response = await request.get(path);
      const body = await response.text();
      expect(body, path).not.toMatch(/Index of|Directory listing|<ul>\s*<li><a href=/i);
      // Not found, or the console's own page (a client route): never a page of its own that lists files.
      expect(await servedAs(response, index), path).not.toBe('something else');
    }
  });

  test('[ASVS 13.4.4] does not answer TRACE, on its pages or on the API', async ({ request }) => {
    for (const path of ['/', '/login', '/acs/api/v1/users', '/secrets/v1/secret/default/db-password']) {
      const response = await request.fetch(path, { method: 'TRACE', headers: { 'X-Trace-Probe': 'echo-me' } });
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(await response.text(), path).not.toContain('echo-me');
    }
  });

  test('[ASVS 13.4.6] names no server software or version in its answers', async ({ request }) => {
    const [asset = '/'] = await builtAssets(request);
    for (const path of [
      '/',
      '/login',
      asset,
      '/no-such-page',
      '/acs/api/v1/users',
      '/acs/api/v1/no-such-endpoint',
      '/secrets/v1/secret/default/db-password',
      '/dcos-metadata/ui-config.json',
    ]) {
      const headers = (await request.get(path)).headers();
      expect(headers.server, path).toBeUndefined();
      expect(headers['x-powered-by'], path).toBeUndefined();
      expect(headers.via, path).toBeUndefined();
    }
  });

  test('[ASVS 13.4.7] serves only the built files: no source, configuration or dependency files', async ({
    request,
  }) => {
    const index = await (await request.get('/')).text();
    for (const path of [
      '/src/main.tsx',
      '/src/mocks/db/create-db.ts',
      '/package.json',
      '/package-lock.json',
      '/vite.config.ts',
      '/tsconfig.json',
      '/node_modules/react/package.json',
      '/e2e/fixtures.ts',
    ]) {
      const response = await request.get(path);
      expect(await response.text(), path).not.toMatch(
        /"devDependencies"|"compilerOptions"|defineConfig|from 'react'|BOOTSTRAP_PASSWORD|"name": "react"|"lockfileVersion"/,
      );
      expect(await servedAs(response, index), path).not.toBe('something else');
    }
  });
});
