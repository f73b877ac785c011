import type { SimDb, SimUser } from '../db/types.ts';
import { json } from '../lib/http.ts';
import { userJson } from './iam.ts';

/** Every field of an account: a change to any of them re-encodes the list. */
const FIELDS = [
  'uid',
  'description',
  'passwordHash',
  'publicKey',
  'isService',
  'providerType',
  'providerId',
] as const satisfies readonly (keyof SimUser)[];
type OnlyNever<T extends never> = T;
/** Compiles only when SimUser has no field that FIELDS lacks (a change to it would go unnoticed). */
export type UnlistedUserFields = OnlyNever<Exclude<keyof SimUser, (typeof FIELDS)[number]>>;

interface Encoded {
  /** The accounts listed, in order, and a copy of their fields as they were when the body was encoded. */
  users: SimUser[];
  fields: unknown[];
  body: Uint8Array;
}

const encoded = new WeakMap<SimDb, Map<boolean, Encoded>>();

function unchanged(db: SimDb, services: boolean, last: Encoded): boolean {
  let i = 0;
  for (const user of db.users.values()) {
    if (user.isService !== services) continue;
    if (last.users[i] !== user) return false;
    for (const [f, field] of FIELDS.entries()) if (last.fields[i * FIELDS.length + f] !== user[field]) return false;
    i++;
  }
  return i === last.users.length;
}

/**
 * GET /users (`services` false) or /users?type=service. Encoding 10,000 accounts was most of the answer's time
 * (issue 9: the simulator answers a 10,000-item list within 50 ms, so it never hides the console's own cost), so
 * the encoded body is kept per db and list. Each request still walks the accounts and compares every field with
 * the copy taken when the body was encoded: any change, whoever made it, re-encodes, and the answer is byte for
 * byte what encoding afresh gives.
 */
export async function listUsersResponse(db: SimDb, services: boolean): Promise<Response> {
  let byList = encoded.get(db);
  if (!byList) encoded.set(db, (byList = new Map<boolean, Encoded>()));
  let last = byList.get(services);
  if (!last || !unchanged(db, services, last)) {
    const users = [...db.users.values()].filter((user) => user.isService === services);
    const body = new Uint8Array(await json({ array: users.map(userJson) }).arrayBuffer());
    last = { users, fields: users.flatMap((user) => FIELDS.map((field) => user[field])), body };
    byList.set(services, last);
  }
  // The kept bytes themselves, as the stream's one chunk: readers copy from them (fetch's `json()`) or write them
  // out (the sim server), none writes into them. A copy per request, of 1.7 MB, cost more than the rest of the answer.
  const kept = last.body;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(kept);
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}
