import type { SimAcl } from '../db/types.ts';
import { aclJson } from './acl-common.ts';

// GET /acls answers every ACL sorted by rid, and a scaled db has 10,000 of them with long shared prefixes
// (`dcos:service:marathon:marathon:services:/team-…`). Sorting and serializing them afresh took most of the bench's
// simulator budget, so both are kept between requests, each checked against the live db before it is reused.

const orders = new WeakMap<Map<string, SimAcl>, SimAcl[]>();
const texts = new WeakMap<SimAcl, { description: string; text: string }>();

/**
 * The ACLs in rid order (UTF-16 code units: stable across runs and locales). The order is reused while it still
 * describes the map exactly: as many entries, each still the live ACL for its rid. Same size and every cached entry
 * present means the same set, so an ACL created, deleted or recreated anywhere (handlers, seeds, tests calling
 * `grant`) is noticed without any hook.
 */
export function sortedAcls(acls: Map<string, SimAcl>): readonly SimAcl[] {
  const cached = orders.get(acls);
  if (cached?.length === acls.size && cached.every((acl) => acls.get(acl.rid) === acl)) return cached;
  const sorted: SimAcl[] = [];
  // The default sort compares strings natively, several times faster than a comparator called from JS.
  for (const rid of [...acls.keys()].sort()) {
    const acl = acls.get(rid);
    if (acl) sorted.push(acl);
  }
  orders.set(acls, sorted);
  return sorted;
}

/** One ACL's JSON; an ACL's rid (and so its url) never changes, only its description does. */
function aclText(acl: SimAcl): string {
  const cached = texts.get(acl);
  if (cached?.description === acl.description) return cached.text;
  const text = JSON.stringify(aclJson(acl));
  texts.set(acl, { description: acl.description, text });
  return text;
}

/** `{"array":[ACL…]}` sorted by rid, the body of GET /acls, as JSON text. */
export function aclListText(acls: Map<string, SimAcl>): string {
  return `{"array":[${sortedAcls(acls).map(aclText).join(',')}]}`;
}
