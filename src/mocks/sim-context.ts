import { randomUUID } from 'node:crypto';
import { createDb } from './db/create-db.ts';
import type { SimDb, SimDbOptions } from './db/types.ts';
import { parseCookies } from './lib/http.ts';
import { createSigningKeys, type SigningKeys } from './lib/jwt.ts';

/** The cookie that picks a test's own database; without it, requests use the default one. */
export const SIM_DB_COOKIE = 'dcos-sim-db';
const MAX_DBS = 256;

export interface SimContext {
  keys: SigningKeys;
  defaults: SimDbOptions;
  defaultDb: SimDb;
  dbFor(request: Request): SimDb | null;
  createDb(options?: Partial<SimDbOptions>): SimDb;
  deleteDb(id: string): boolean;
  /** Replaces the default db with a fresh one (unit tests call this between tests). */
  reset(options?: Partial<SimDbOptions>): SimDb;
}

export async function createSimContext(defaults: SimDbOptions): Promise<SimContext> {
  const keys = await createSigningKeys();
  const dbs = new Map<string, SimDb>();
  const context: SimContext = {
    keys,
    defaults,
    defaultDb: createDb('default', defaults),
    dbFor(request) {
      const id = parseCookies(request.headers.get('cookie')).get(SIM_DB_COOKIE);
      if (id === undefined) return context.defaultDb;
      return dbs.get(id) ?? null;
    },
    createDb(options = {}) {
      // Oldest first: a Map iterates in insertion order, so this bounds memory in long e2e runs.
      while (dbs.size >= MAX_DBS) {
        const oldest = dbs.keys().next().value;
        if (oldest === undefined) break;
        dbs.delete(oldest);
      }
      const db = createDb(randomUUID(), { ...defaults, ...options });
      dbs.set(db.id, db);
      return db;
    },
    deleteDb: (id) => dbs.delete(id),
    reset(options = {}) {
      context.defaultDb = createDb('default', { ...defaults, ...options });
      return context.defaultDb;
    },
  };
  return context;
}
