// @vitest-environment node
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servePreviewFallbacks } from './preview-fallbacks.ts';

function dist() {
  const dir = mkdtempSync(join(tmpdir(), 'preview-fallbacks-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets/boot-AbC_12.js'), 'console.log(1)');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  return dir;
}

function ask(dir: string, url: string, method = 'GET') {
  const answer: { passed: boolean; status?: number; headers: Record<string, string>; body?: string | undefined } = {
    passed: false,
    headers: {},
  };
  const res = {
    set statusCode(value: number) {
      answer.status = value;
    },
    setHeader: (name: string, value: string) => {
      answer.headers[name.toLowerCase()] = value;
    },
    end: (body?: Buffer | string) => {
      answer.body = body === undefined ? undefined : String(body);
    },
  } as unknown as ServerResponse;
  servePreviewFallbacks(dir)({ url, method } as unknown as IncomingMessage, res, () => {
    answer.passed = true;
  });
  return answer;
}

describe('vite preview answers as nginx does', () => {
  it('answers a missing file under /assets/ with a plain 404, as nginx’s try_files $uri =404', () => {
    const dir = dist();
    for (const url of [
      '/assets/missing.js',
      '/assets/missing.css?v=1',
      '/assets/a/b.js',
      '/assets/%2e%2e/index.html',
    ]) {
      const answer = ask(dir, url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers['content-type'], url).toBe('text/plain; charset=utf-8');
    }
  });

  it('passes files that exist, other paths and other methods on to the static server', () => {
    const dir = dist();
    expect(ask(dir, '/assets/boot-AbC_12.js').passed).toBe(true);
    expect(ask(dir, '/organization/users').passed).toBe(true);
    expect(ask(dir, '/assets/missing.js', 'POST').passed).toBe(true);
  });

  it('answers a malformed escape with the console (a 404), whose router shows "Page not found"', () => {
    const dir = dist();
    for (const url of ['/settings/oidc/%', '/%E0%A4%A', '/secrets/view/%zz?x=1']) {
      const answer = ask(dir, url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(answer.body, url).toContain('<title>console</title>');
    }
    expect(ask(dir, '/settings/oidc/%', 'HEAD').body).toBeUndefined();
  });
});
