// @vitest-environment node
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { servePrecompressed, writePrecompressed } from './precompressed.ts';

function build() {
  const dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets/boot-AbC_12.js'), 'console.log("boot");'.repeat(50));
  writeFileSync(join(dir, 'assets/boot-AbC_12.css'), 'body { color: red }');
  writeFileSync(join(dir, 'assets/logo.svg'), '<svg/>');
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  return dir;
}

interface Answer {
  passed: boolean;
  status?: number;
  headers: Record<string, string>;
  body?: Buffer | undefined;
}

function ask(dir: string, url: string, acceptEncoding?: string, method = 'GET', ifNoneMatch?: string): Answer {
  const headers: Record<string, string> = {};
  const answer: Answer = { passed: false, headers };
  const sent: Record<string, string> = {};
  if (acceptEncoding !== undefined) sent['accept-encoding'] = acceptEncoding;
  if (ifNoneMatch !== undefined) sent['if-none-match'] = ifNoneMatch;
  const req = { url, method, headers: sent } as unknown as IncomingMessage;
  const res = {
    statusCode: 200,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    end: (body?: Buffer) => {
      answer.body = body;
      answer.status = res.statusCode;
    },
  } as unknown as ServerResponse & { statusCode: number };
  servePrecompressed(dir)(req, res, () => {
    answer.passed = true;
  });
  return answer;
}

describe('precompressed assets', () => {
  it('writes a .br and a .gz of each built script and stylesheet only, which decompress to the file', () => {
    const dir = build();
    expect(
      writePrecompressed(dir, ['assets/boot-AbC_12.js', 'assets/boot-AbC_12.css', 'assets/logo.svg', 'index.html']),
    ).toBe(2);
    const source = readFileSync(join(dir, 'assets/boot-AbC_12.js'), 'utf8');
    expect(gunzipSync(readFileSync(join(dir, 'assets/boot-AbC_12.js.gz'))).toString()).toBe(source);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/boot-AbC_12.js.br'))).toString()).toBe(source);
    expect(readFileSync(join(dir, 'assets/boot-AbC_12.js.br')).length).toBeLessThan(
      readFileSync(join(dir, 'assets/boot-AbC_12.js.gz')).length,
    );
    for (const name of ['assets/logo.svg', 'index.html']) {
      expect(() => readFileSync(join(dir, `${name}.gz`))).toThrow();
      expect(() => readFileSync(join(dir, `${name}.br`))).toThrow();
    }
  });

  it('answers a script or stylesheet with its .br when the browser takes brotli, else its .gz', () => {
    const dir = build();
    writePrecompressed(dir, ['assets/boot-AbC_12.js', 'assets/boot-AbC_12.css']);
    const source = readFileSync(join(dir, 'assets/boot-AbC_12.js'), 'utf8');
    const script = ask(dir, '/assets/boot-AbC_12.js?v=1', 'gzip, deflate, br, zstd');
    expect(script.passed).toBe(false);
    expect(script.headers).toMatchObject({
      'content-type': 'text/javascript',
      'content-encoding': 'br',
      vary: 'Accept-Encoding',
      'cache-control': 'no-cache',
    });
    expect(brotliDecompressSync(script.body ?? Buffer.alloc(0)).toString()).toBe(source);
    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip']) {
      const gzipped = ask(dir, '/assets/boot-AbC_12.js', acceptEncoding);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipped.body ?? Buffer.alloc(0)).toString()).toBe(source);
      expect(gzipped.headers.etag).not.toBe(script.headers.etag);
    }
    expect(ask(dir, '/assets/boot-AbC_12.css', 'gzip').headers['content-type']).toBe('text/css');
    const head = ask(dir, '/assets/boot-AbC_12.css', 'gzip', 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body).toBeUndefined();
  });

  it('answers a request that holds the current validator with a bodiless 304, so a reload keeps the cached file', () => {
    const dir = build();
    writePrecompressed(dir, ['assets/boot-AbC_12.js']);
    const first = ask(dir, '/assets/boot-AbC_12.js', 'gzip');
    const etag = first.headers.etag ?? '';
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = ask(dir, '/assets/boot-AbC_12.js', 'gzip', 'GET', `"other", ${etag}`);
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.etag).toBe(etag);
    expect(ask(dir, '/assets/boot-AbC_12.js', 'gzip', 'GET', 'W/"stale"').status).toBe(200);
  });

  it('leaves everything else to the static server: no gzip accepted, no .gz, other files, other methods, odd paths', () => {
    const dir = build();
    writePrecompressed(dir, ['assets/boot-AbC_12.js']);
    expect(ask(dir, '/assets/boot-AbC_12.js').passed).toBe(true);
    expect(ask(dir, '/assets/boot-AbC_12.js', 'deflate, zstd').passed).toBe(true);
    expect(ask(dir, '/assets/boot-AbC_12.js', 'gzip;q=0, br;q=0.0').passed).toBe(true);
    expect(ask(dir, '/assets/boot-AbC_12.css', 'br, gzip').passed).toBe(true); // nothing written for it
    expect(ask(dir, '/assets/logo.svg', 'gzip').passed).toBe(true);
    expect(ask(dir, '/index.html', 'gzip').passed).toBe(true);
    expect(ask(dir, '/assets/boot-AbC_12.js', 'gzip', 'POST').passed).toBe(true);
    expect(ask(dir, '/assets/../assets/boot-AbC_12.js', 'gzip').passed).toBe(true);
    expect(ask(dir, '/assets/%2e%2e/boot-AbC_12.js', 'gzip').passed).toBe(true);
  });
});
