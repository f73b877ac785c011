// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.ts';
import { directivesNamed, findAll, parseNginxConf, type NginxDirective } from '../src/test/nginx-conf.ts';

const NGINX_CONF = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
const conf = parseNginxConf(readFileSync(NGINX_CONF, 'utf8'));
const http = directivesNamed(conf, 'http')[0]?.block;
const server = directivesNamed(http, 'server')[0]?.block;

const directives = new Map(
  CONTENT_SECURITY_POLICY.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]),
);

function location(...args: string[]): NginxDirective[] | undefined {
  return directivesNamed(server, 'location').find((l) => l.args.join(' ') === args.join(' '))?.block;
}

describe('The Content-Security-Policy', () => {
  it('[ASVS 3.4.3] defines object-src and base-uri as none', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('[ASVS 3.4.3] allows scripts and styles from this origin only: no inline, no eval, no wildcard, no other host', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|blob:/);
  });

  it('[ASVS 3.4.6] forbids framing with frame-ancestors none', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('[ASVS 3.4.3] lets forms post only to this origin (form-action self)', () => {
    expect(directives.get('form-action')).toEqual(["'self'"]);
  });

  it('[ASVS 3.4.3] is exactly the policy the issue specifies', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });
});

describe('deploy/nginx.conf, the production example', () => {
  it('[ASVS 3.4.3] sends the same Content-Security-Policy as `npm run preview`, on every response (always)', () => {
    const csp = directivesNamed(server, 'add_header').find((d) => d.args[0] === 'Content-Security-Policy');
    expect(csp?.args).toEqual(['Content-Security-Policy', CONTENT_SECURITY_POLICY, 'always']);
  });

  it('[ASVS 3.4.4] sends X-Content-Type-Options nosniff, and [ASVS 3.4.5] Referrer-Policy no-referrer, like preview', () => {
    const headers = new Map(directivesNamed(server, 'add_header').map((d) => [d.args[0] ?? '', d.args.slice(1)]));
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(headers.get(name), name).toEqual([value, 'always']);
    expect(headers.get('X-Content-Type-Options')).toEqual(['nosniff', 'always']);
    expect(headers.get('Referrer-Policy')).toEqual(['no-referrer', 'always']);
  });

  it('[ASVS 3.4.3] declares headers only at server level: a location with add_header would drop them all', () => {
    const locations = directivesNamed(server, 'location');
    expect(locations.length).toBeGreaterThanOrEqual(4);
    expect(locations.flatMap((l) => findAll(l.block, 'add_header'))).toEqual([]);
  });

  it('[ASVS 14.2.5] caches only the hashed /assets/ (a year, immutable) and revalidates everything else, index.html first', () => {
    const map = findAll(http, 'map').find((m) => m.args[1] === '$console_cache_control');
    expect(map?.args[0]).toBe('$status:$uri');
    const rules = new Map(map?.block?.map((rule) => [rule.name, rule.args[0]]));
    expect(rules.get('~^(200|304):/assets/')).toBe('public, max-age=31536000, immutable');
    expect(rules.get('default')).toBe('no-cache');
    expect(directivesNamed(server, 'add_header').find((d) => d.args[0] === 'Cache-Control')?.args).toEqual([
      'Cache-Control',
      '$console_cache_control',
      'always',
    ]);
  });

  it('[ASVS 14.2.5] falls back to index.html for client routes, but a missing bundle is a 404, not HTML', () => {
    expect(directivesNamed(location('/'), 'try_files')[0]?.args).toEqual(['$uri', '/index.html']);
    expect(directivesNamed(location('/assets/'), 'try_files')[0]?.args).toEqual(['$uri', '=404']);
  });

  it('[ASVS 13.4.1] leaves /acs/, /secrets/v1/ and /dcos-metadata/ to Admin Router and serves no dotfiles', () => {
    // Only the API: /secrets/new and /secrets/view/… are the console's own pages (issue 21); a real nginx proves both
    // sides in security-nginx.test.ts.
    expect(directivesNamed(location('~', '^/(acs|secrets/v1|dcos-metadata)/'), 'return')[0]?.args).toEqual(['404']);
    expect(directivesNamed(location('~', '/\\.'), 'return')[0]?.args).toEqual(['404']);
  });

  it('[ASVS 13.4.6] listens on loopback only (Admin Router in front) and hides its version', () => {
    expect(directivesNamed(server, 'listen').map((d) => d.args[0])).toEqual(['127.0.0.1:8090']);
    expect(directivesNamed(http, 'server_tokens')[0]?.args).toEqual(['off']);
  });
});
