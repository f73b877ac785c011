import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { secretQueries } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';
import { useSearchUpdate } from '@/lib/use-search-update.ts';
import { useUrlSearchText } from '@/lib/use-url-text.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { ListRefused } from './list-refused.tsx';
import { SealChip } from './seal-chip.tsx';
import { SealedStoreNotice, useStoreSealed } from './sealed-store.tsx';
import { SecretsList } from './secrets-list.tsx';

export function SecretsPage() {
  const [params] = useSearchParams();
  const folder = params.get('path') ?? '';
  const view = params.get('view') === 'flat' ? 'flat' : 'tree';
  // The box shows its own state; the URL follows once typing pauses (a navigation per keystroke is slow).
  const [search, setSearch] = useUrlSearchText('q');
  const descending = params.get('sort') === 'desc';
  // The shell asks for the seal status on every page, so waiting for it rarely costs a round trip.
  const { sealed, known } = useStoreSealed();
  const root = useQuery({ ...secretQueries.list(), enabled: known && !sealed });
  // An account may be allowed to list only a folder (dcos:secrets:list:default:/group): then the open folder is
  // listed by itself, its keys made full paths again, and the tree starts there.
  const below = folder !== '' && isApiError(root.error, 'forbidden');
  // A stable `select`: TanStack Query runs a new one again on every render.
  const toFullPaths = useCallback((keys: string[]) => keys.map((key) => `${folder}/${key}`), [folder]);
  const subtree = useQuery({ ...secretQueries.list(folder), enabled: below && !sealed, select: toFullPaths });
  const list = below ? subtree : root;
  const listed = below ? folder : '';

  // One identity for the memoized list.
  const update = useSearchUpdate();
  const setParam = useCallback(
    (key: 'view' | 'sort', value: string) => update({ [key]: value === '' ? null : value }),
    [update],
  );

  return (
    <>
      <title>Secrets · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Secrets</h1>
        <SealChip />
        <div className="actions">
          <Link className="btn btn-primary" to={secretPaths.create(view === 'tree' ? folder : '')}>
            Create secret
          </Link>
        </div>
      </div>
      {sealed ? (
        <SealedStoreNotice what="browse secrets" />
      ) : list.isPending ? (
        <LoadingState>Loading secrets…</LoadingState>
      ) : list.isError ? (
        isApiError(list.error, 'forbidden') ? (
          <ListRefused folder={listed} />
        ) : (
          <ErrorState
            title="Could not list the secrets"
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        )
      ) : (
        <>
          {below && (
            <p className="muted">
              Your account may not list the whole store: this shows {folder} and what lies below it.
            </p>
          )}
          <SecretsList
            paths={list.data}
            folder={folder}
            view={view}
            descending={descending}
            search={search}
            onSearchChange={setSearch}
            setParam={setParam}
          />
        </>
      )}
    </>
  );
}
