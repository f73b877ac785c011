import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { isApiError } from '@/api/errors.ts';
import { iamReads } from '@/api/iam-file.ts';
import { mapBounded } from '@/lib/map-bounded.ts';
import { indexAccessModel, questionRids, type AccessModel } from '@/lib/who-can.ts';

/** Requests in flight at once: a browser's connections per host over HTTP/1.1, so nothing queues behind our own. */
export const ACCESS_MODEL_CONCURRENCY = 6;

export interface LoadProgress {
  done: number;
  total: number;
}

/**
 * Reads the permission model the access review answers from: the service accounts (to tell them from users), every
 * ACL's holders (`/acls/{rid}/permissions`) and the members of every group that holds anything. With `rids`, only
 * those ACLs (a missing one holds nothing) and the groups named there: enough for one question, far fewer requests.
 */
export async function loadAccessModel(options: {
  signal: AbortSignal;
  rids?: readonly string[];
  onProgress?: (progress: LoadProgress) => void;
  concurrency?: number;
}): Promise<AccessModel> {
  const { signal, rids, onProgress, concurrency = ACCESS_MODEL_CONCURRENCY } = options;
  const asOf = Date.now();
  let done = 0;
  let total = rids ? 1 + rids.length : 2;
  const tick = () => {
    done += 1;
    onProgress?.({ done, total });
  };
  onProgress?.({ done, total });
  const [services, wanted] = await Promise.all([
    iamReads.serviceAccounts(signal).finally(tick),
    rids ? Promise.resolve(rids) : iamReads.acls(signal).then((acls) => (tick(), acls.map((a) => a.rid))),
  ]);
  if (!rids) total += wanted.length;
  const holders = await mapBounded(
    wanted,
    concurrency,
    signal,
    async (rid) => {
      try {
        return await iamReads.aclPermissions(rid, signal);
      } catch (error) {
        if (rids && isApiError(error, 'not-found')) return { users: [], groups: [] };
        throw error;
      }
    },
    tick,
  );
  const acls = wanted.map((rid, i) => {
    const held = holders[i] ?? { users: [], groups: [] };
    const names = (actions: readonly { name: string }[]) => actions.map((a) => a.name);
    return {
      rid,
      users: held.users.map((u) => ({ uid: u.uid, actions: names(u.actions) })),
      groups: held.groups.map((g) => ({ gid: g.gid, actions: names(g.actions) })),
    };
  });
  const gids = [...new Set(acls.flatMap((a) => a.groups.map((g) => g.gid)))];
  total += gids.length;
  onProgress?.({ done, total });
  const members = await mapBounded(gids, concurrency, signal, (gid) => iamReads.members(gid, signal), tick);
  return indexAccessModel({
    acls,
    members: gids.map((gid, i) => ({ gid, uids: members[i] ?? [] })),
    serviceAccounts: services.map((s) => s.uid),
    scope: rids ?? null,
    asOf,
  });
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
 * stale by itself (`staleTime: Infinity`): the page says when it was read instead of reading it again unasked.
 */
export const accessModelQueries = {
  all: () => ['access-model'] as const,
  whole: () =>
    queryOptions({
      queryKey: [...accessModelQueries.all(), WHOLE] as const,
      queryFn: ({ signal }) => loadAccessModel({ signal, onProgress: (p) => publish(WHOLE, p) }),
      staleTime: Infinity,
      gcTime: 30 * 60 * 1000,
    }),
  /** Only what one question about `rid` needs; used while the whole model is not there yet. */
  question: (rid: string) =>
    queryOptions({
      queryKey: [...accessModelQueries.all(), 'question', rid] as const,
      queryFn: ({ signal }) => loadAccessModel({ signal, rids: questionRids(rid) }),
      staleTime: Infinity,
      gcTime: 5 * 60 * 1000,
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
 * The model for a question about `rid` (or for none): the whole model when it is loaded; until then, when there is a
 * question, a read of just its rids first, and the whole model after it (both at once would queue the question's
 * reads behind two thousand others). `cancel` stops the whole load; `refresh` reads it again.
 */
export function useAccessModel(rid: string | null) {
  const queryClient = useQueryClient();
  const cached = queryClient.getQueryData(accessModelQueries.whole().queryKey);
  const question = useQuery({ ...accessModelQueries.question(rid ?? ''), enabled: rid !== null && !cached });
  const whole = useQuery({
    ...accessModelQueries.whole(),
    enabled: rid === null || cached !== undefined || !question.isPending,
  });
  const cancel = useCallback(
    () => void queryClient.cancelQueries({ queryKey: accessModelQueries.all() }),
    [queryClient],
  );
  return { whole, question, cancel };
}
