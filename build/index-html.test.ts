// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const html = readFileSync(root('index.html'), 'utf8');

describe('index.html', () => {
  it('names only files the build has: public/ ones, and the entry Vite builds from src/', () => {
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(urls).toContain('/favicon.png');
    for (const url of urls) {
      // Served as built, so a missing file would answer with index.html (200) on a client route.
      expect(url, url).toMatch(/^\/[\w./-]+$/);
      if (url.startsWith('/src/')) expect(existsSync(root(url.slice(1))), url).toBe(true);
      else expect(existsSync(root(`public${url}`)), url).toBe(true);
    }
  });
});
