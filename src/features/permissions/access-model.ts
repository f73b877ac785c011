import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { AclPermissions } from '@/api/acls.ts';
import { isApiError } from '@/api/errors.ts';
import { iamReads } from '@/api/iam-file.ts';
import { mapBounded } from '@/lib/map-bounded.ts';
import { SUPERUSER_RID } from '@/lib/rid.ts';
import { indexAccessModel, questionRids, type AccessModel } from '@/lib/who-can.ts';

/** Requests in flight at once: a browser's connections per host over HTTP/1.1, so nothing queues behind our own. */
export const ACCESS_MODEL_CONCURRENCY = 6;

/** The steps of the whole load; each knows its total when it starts, so the bar never goes backwards. */
export type LoadPhase = 'lists' | 'acls' | 'members';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
}

const EMPTY_HOLDERS: AclPermissions = { users: [], groups: [] };

/** A read of something deleted since the list was read: it holds nothing now, which is the honest answer. */
async function unlessDeleted<T>(read: Promise<T>, deleted: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isApiError(error, 'not-found')) return deleted;
    throw error;
  }
}

/**
 * Reads the permission model the access review answers from: the service accounts (to tell them from users), every
 * ACL's holders (`/acls/{rid}/permissions`) and the members of every group that holds anything. With `rids`, only
 * those ACLs (a missing one holds nothing) and the groups named there: enough for one question, far fewer requests.
 * An ACL or a group deleted while the reads run (a 404) holds nothing and has no members.
 */
export async function loadAccessModel(options: {
  signal: AbortSignal;
  rids?: readonly string[];
  onProgress?: (progress: LoadProgress) => void;
  concurrency?: number;
}): Promise<AccessModel> {
  const { signal, rids, onProgress, concurrency = ACCESS_MODEL_CONCURRENCY } = options;
  const asOf = Date.now();
  let progress: LoadProgress = { phase: 'lists', done: 0, total: rids ? 1 : 2 };
  const report = (next: LoadProgress) => {
    progress = next;
    onProgress?.(progress);
  };
  const tick = () => report({ ...progress, done: progress.done + 1 });
  report(progress);
  const [services, wanted] = await Promise.all([
    iamReads.serviceAccounts(signal).finally(tick),
    rids ? Promise.resolve(rids) : iamReads.acls(signal).then((acls) => (tick(), acls.map((a) => a.rid))),
  ]);
  report({ phase: 'acls', done: 0, total: wanted.length });
  const holders = await mapBounded(
    wanted,
    concurrency,
    signal,
    (rid, stop) => unlessDeleted(iamReads.aclPermissions(rid, stop), EMPTY_HOLDERS),
    tick,
  );
  const acls = wanted.map((rid, i) => {
    const held = holders[i] ?? EMPTY_HOLDERS;
    const names = (actions: readonly { name: string }[]) => actions.map((a) => a.name);
    return {
      rid,
      users: held.users.map((u) => ({ uid: u.uid, actions: names(u.actions) })),
      groups: held.groups.map((g) => ({ gid: g.gid, actions: names(g.actions) })),
    };
  });
  const gids = [...new Set(acls.flatMap((a) => a.groups.map((g) => g.gid)))];
  report({ phase: 'members', done: 0, total: gids.length });
  // A group's members are two requests (users, service accounts): half the workers keep `concurrency` in flight.
  const members = await mapBounded(
    gids,
    Math.max(1, Math.floor(concurrency / 2)),
    signal,
    (gid, stop) => unlessDeleted(iamReads.members(gid, stop), []),
    tick,
  );
  return indexAccessModel({
    acls,
    members: gids.map((gid, i) => ({ gid, uids: members[i] ?? [] })),
    serviceAccounts: services.map((s) => s.uid),
    scope: rids ?? null,
    asOf,
    until: Date.now(),
  });
}

/**
 * Only what "what does membership of `gid` give?" needs: the group's own grants (`/groups/{gid}/permissions`), and
 * for each of their rids what a question about it reads (superuser, the rid, the broader rids) with the members of the
 * groups named there. Sound because every rid the group holds is in its own list, and each count asks only about
 * those rids. A group that does not exist fails with the IAM's 404.
 */
export async function loadMembershipModel(gid: string, signal: AbortSignal): Promise<AccessModel> {
  const held = await iamReads.groupRids(gid, signal);
  const rids = [...new Set(held.flatMap(questionRids))];
  return loadAccessModel({ signal, rids: rids.length > 0 ? rids : [SUPERUSER_RID] });
}

// Progress of a load, per query key, outside the cache: the cache holds only complete models.
const progress = new Map<string, LoadProgress>();
const listeners = new Set<() => void>();
/** How often the progress bar is redrawn at most: thousands of reads must not mean thousands of renders. */
const PROGRESS_INTERVAL_MS = 100;
let pending: ReturnType<typeof setTimeout> | null = null;
const notify = () => {
  pending = null;
  for (const listener of listeners) listener();
};
const publish = (key: string, value: LoadProgress) => {
  progress.set(key, value);
  if (value.done === 0 || value.done >= value.total) {
    if (pending !== null) clearTimeout(pending);
    notify();
  } else pending ??= setTimeout(notify, PROGRESS_INTERVAL_MS);
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const WHOLE = 'whole';

/**
 * The whole model, read once and kept: every entry point and every later question reuses it until Refresh. Never
 * stale by itself (`staleTime: Infinity`): the page says when it was read instead of reading it again unasked. A
 * failed read (a 403 too) is shown by the page, with the answer it had, not by the route's access-denied screen.
 */
export const accessModelQueries = {
  all: () => ['access-model'] as const,
  whole: () =>
    queryOptions({
      queryKey: [...accessModelQueries.all(), WHOLE] as const,
      queryFn: ({ signal }) => loadAccessModel({ signal, onProgress: (p) => publish(WHOLE, p) }),
      staleTime: Infinity,
      gcTime: 30 * 60 * 1000,
      throwOnError: false,
    }),
  /** Only what one question about `rid` needs; used while the whole model is not there yet. */
  question: (rid: string) =>
    queryOptions({
      queryKey: [...accessModelQueries.all(), 'question', rid] as const,
      queryFn: ({ signal }) => loadAccessModel({ signal, rids: questionRids(rid) }),
      staleTime: Infinity,
      gcTime: 5 * 60 * 1000,
      throwOnError: false,
    }),
  /** Only what "what does membership of `gid` give?" needs; used while the whole model is not there. */
  membership: (gid: string) =>
    queryOptions({
      queryKey: [...accessModelQueries.all(), 'membership', gid] as const,
      queryFn: ({ signal }) => loadMembershipModel(gid, signal),
      staleTime: Infinity,
      gcTime: 5 * 60 * 1000,
      throwOnError: false,
    }),
};

/** The whole load's progress; read only by the small component that shows it, so a tick re-renders nothing else. */
export function useWholeProgress(): LoadProgress | null {
  return useLoadProgress(WHOLE);
}

function useLoadProgress(key: string): LoadProgress | null {
  return useSyncExternalStore(subscribe, () => progress.get(key) ?? null);
}

/**
 * The model for a question about `rid`, or for what membership of `gid` gives. A question reads just its rids first
 * and the whole model after it (both at once would queue the question's reads behind two thousand others), so later
 * questions answer at once; a group reads just what its membership needs. Nothing else starts the whole load by
 * itself: opening the page without a question reads nothing until `load`. `cancel` stops every read and keeps them
 * stopped (a focus or a reconnect does not start them again) until `load`, which also serves as Refresh.
 */
export function useAccessModel(rid: string | null, gid: string | null = null) {
  const queryClient = useQueryClient();
  const [state, setState] = useState({ for: `${rid} ${gid}`, cancelled: false, requested: false });
  const key = `${rid} ${gid}`;
  if (state.for !== key) setState({ for: key, cancelled: false, requested: state.requested });
  const cancelled = state.cancelled && state.for === key;
  const cached = queryClient.getQueryData(accessModelQueries.whole().queryKey) !== undefined;
  const question = useQuery({
    ...accessModelQueries.question(rid ?? ''),
    enabled: rid !== null && !cached && !cancelled,
  });
  const membership = useQuery({
    ...accessModelQueries.membership(gid ?? ''),
    enabled: gid !== null && !cached && !cancelled,
  });
  const whole = useQuery({
    ...accessModelQueries.whole(),
    enabled: !cancelled && (state.requested || (rid !== null && !question.isPending)),
  });
  const cancel = useCallback(() => {
    setState((current) => ({ ...current, cancelled: true, requested: false }));
    void queryClient.cancelQueries({ queryKey: accessModelQueries.all() });
  }, [queryClient]);
  const { refetch } = whole;
  const load = useCallback(() => {
    setState((current) => ({ ...current, cancelled: false, requested: true }));
    void refetch();
  }, [refetch]);
  return { whole, question, membership, cancelled, cancel, load };
}
