/**
 * Resource ids (rids) and the permission catalog's templates: `dcos:mesos:master:task:app_id[:<service-group>]` has a
 * placeholder in an optional section; omitting an optional section means "all values" (permissions reference §12).
 */

export const ACTIONS = ['full', 'create', 'read', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

export interface CatalogEntry {
  id: string;
  category: string;
  template: string;
  description: string;
  actions: readonly Action[];
}

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'slot'; name: string; optional: boolean; prefix: string };

/** Placeholders whose values are paths and may hold `/`. */
const PATH_SLOTS = new Set(['service-group', 'path', 'secret-path', 'endpoint']);

/** Splits a template into literal text and placeholders; `[<prefix><name>]` is an optional placeholder. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = /\[([^<\]]*)<([a-z-]+)>\]|<([a-z-]+)>/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    if (match[2] !== undefined) parts.push({ kind: 'slot', name: match[2], optional: true, prefix: match[1] ?? '' });
    else parts.push({ kind: 'slot', name: match[3] ?? '', optional: false, prefix: '' });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

export function templateSlots(template: string): Extract<TemplatePart, { kind: 'slot' }>[] {
  return parseTemplate(template).filter((p): p is Extract<TemplatePart, { kind: 'slot' }> => p.kind === 'slot');
}

/**
 * A placeholder's value as it goes into the rid: trimmed; after a literal `/` (Marathon's `services:/`) leading
 * slashes go; a service group after `:` (Mesos `app_id:`) gets its leading `/`; trailing slashes go.
 */
function normalizeValue(name: string, value: string, before: string): string {
  let v = value.trim();
  if (PATH_SLOTS.has(name)) {
    v = v.replace(/\/+$/, '');
    if (before.endsWith('/')) v = v.replace(/^\/+/, '');
    else if (name === 'service-group' && v !== '' && !v.startsWith('/')) v = `/${v}`;
  }
  return v;
}

/** Fills a template; required placeholders left empty are listed in `missing`. */
export function buildRid(
  template: string,
  values: Readonly<Record<string, string>>,
): { rid: string; missing: string[] } {
  let rid = '';
  const missing: string[] = [];
  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') {
      rid += part.text;
      continue;
    }
    const value = normalizeValue(part.name, values[part.name] ?? '', rid + part.prefix);
    if (value === '') {
      if (!part.optional) missing.push(part.name);
      if (!part.optional) rid += `<${part.name}>`;
      continue;
    }
    rid += part.prefix + value;
  }
  return { rid, missing };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templateRegExp(template: string): RegExp {
  const source = parseTemplate(template)
    .map((part) => {
      if (part.kind === 'text') return escapeRegExp(part.text);
      const value = PATH_SLOTS.has(part.name) ? '(.+)' : '([^:]+)';
      return part.optional ? `(?:${escapeRegExp(part.prefix)}${value})?` : value;
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const literalLength = (template: string) =>
  parseTemplate(template).reduce((n, p) => n + (p.kind === 'text' ? p.text.length : 0), 0);

/** The catalog entry a rid belongs to, with its placeholder values; the most specific template wins. */
export function matchRid(
  catalog: readonly CatalogEntry[],
  rid: string,
): { entry: CatalogEntry; values: Record<string, string> } | null {
  let best: { entry: CatalogEntry; values: Record<string, string> } | null = null;
  for (const entry of catalog) {
    const match = templateRegExp(entry.template).exec(rid);
    if (!match) continue;
    if (best && literalLength(best.entry.template) >= literalLength(entry.template)) continue;
    const values: Record<string, string> = {};
    templateSlots(entry.template).forEach((slot, i) => {
      values[slot.name] = match[i + 1] ?? '';
    });
    best = { entry, values };
  }
  return best;
}

export const MAX_RID_LENGTH = 512;

/** Why a typed rid cannot be sent, or null. The same rule the simulator applies (ERR_INVALID_RESOURCE_ID). */
export function ridProblem(rid: string): string | null {
  if (rid.trim() === '') return 'Enter a resource ID.';
  if (rid !== rid.trim()) return 'Remove the spaces around the resource ID.';
  if (!rid.startsWith('dcos:')) return 'A DC/OS resource ID starts with “dcos:”.';
  if (rid.length > MAX_RID_LENGTH) return `At most ${MAX_RID_LENGTH} characters.`;
  if (/[<>]/.test(rid)) return 'Fill in the placeholders (the parts in < >).';
  const bad = /[^A-Za-z0-9:_./*@-]/.exec(rid);
  if (bad) return `“${bad[0]}” is not allowed in a resource ID (letters, digits and : _ . / * @ - are).`;
  if (rid.includes('::') || rid.endsWith(':')) return 'A resource ID has no empty sections (“::” or a trailing “:”).';
  return null;
}

/** The rid any action on which makes an account a superuser. */
export const SUPERUSER_RID = 'dcos:superuser';

const SECRET_RID_PREFIX = 'dcos:secrets:default:';

/** The rid that governs a secret of the default store: `dcos:secrets:default:/<path>`. */
export const secretRid = (path: string) => `${SECRET_RID_PREFIX}/${path}`;

/** The secret path a rid of the default store names, or null for any other rid: the inverse of `secretRid`. */
export function secretPathOf(rid: string): string | null {
  return rid.startsWith(SECRET_RID_PREFIX) ? rid.slice(SECRET_RID_PREFIX.length).replace(/^\/+/, '') : null;
}

/** The permission categories of the reference, by rid prefix. */
export type RidCategory = 'superuser' | 'adminrouter' | 'mesos' | 'service' | 'secrets' | 'cluster-linker' | 'other';

export function ridCategory(rid: string): RidCategory {
  const is = (prefix: string) => rid === prefix || rid.startsWith(`${prefix}:`);
  if (is(SUPERUSER_RID)) return 'superuser';
  if (is('dcos:adminrouter')) return 'adminrouter';
  if (is('dcos:mesos')) return 'mesos';
  if (is('dcos:service')) return 'service';
  if (is('dcos:secrets')) return 'secrets';
  if (is('dcos:cluster:linker')) return 'cluster-linker';
  return 'other';
}

/** Ancestors of a path value, nearest first: `/a/b/c` → `/a/b`, `/a`, `/`. */
function pathAncestors(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  const result: string[] = [];
  for (let i = segments.length - 1; i >= 1; i--) result.push(`/${segments.slice(0, i).join('/')}`);
  result.push('/');
  return result;
}

export interface BroaderRid {
  rid: string;
  why: string;
}

/**
 * The rids whose grants also cover `rid`, where the permissions reference says so: Marathon service groups and secret
 * list folders cover what lies below them, and an omitted optional section (Mesos, Metronome, the cluster linker's `*`)
 * means all values. Admin Router has no inheritance for nested services; secrets are matched exactly.
 */
export function broaderRids(rid: string): BroaderRid[] {
  const services = /^(dcos:service:marathon:marathon:services:)(\/.*)$/.exec(rid);
  const servicesBase = services?.[1];
  if (servicesBase && services[2] && services[2] !== '/') {
    return pathAncestors(services[2]).map((p) => ({
      rid: servicesBase + p,
      why: 'Marathon permissions on a service group cover every service and group inside it.',
    }));
  }
  const list = /^(dcos:secrets:list:default:)(\/.*)$/.exec(rid);
  const listBase = list?.[1];
  if (listBase && list[2] && list[2] !== '/') {
    return pathAncestors(list[2]).map((p) => ({
      rid: listBase + p,
      why: 'Listing a folder covers the folders inside it.',
    }));
  }
  const jobs = /^(dcos:service:metronome:metronome:jobs):.+$/.exec(rid);
  if (jobs?.[1]) return [{ rid: jobs[1], why: 'Without a job group, the permission covers all Metronome jobs.' }];
  const mesos = /^(dcos:mesos:(?:agent|master):[a-z_]+:(app_id|role|principal|user|path)):(.+)$/.exec(rid);
  if (mesos?.[1] && mesos[3]) {
    const base = mesos[1];
    const nested =
      mesos[2] === 'app_id' && mesos[3].startsWith('/') ? pathAncestors(mesos[3]).filter((p) => p !== '/') : [];
    return [
      ...nested.map((p) => ({ rid: `${base}:${p}`, why: 'A service group covers the services inside it.' })),
      { rid: base, why: `Without a value after “${mesos[2]}”, the permission covers all values.` },
    ];
  }
  if (/^dcos:cluster:linker:(?!\*$).+$/.test(rid))
    return [{ rid: 'dcos:cluster:linker:*', why: '“*” covers every linked cluster.' }];
  return [];
}
