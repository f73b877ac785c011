import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { forbiddenHint } from '@/api/errors.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { describeReason, type Mode } from '@/lib/access-check.ts';
import { orgPaths, permissionPaths } from '@/lib/paths.ts';
import { isAction, type Action, type CatalogEntry } from '@/lib/rid.ts';
import {
  canAnswer,
  matchesFilter,
  membershipGives,
  REASON_FILTERS,
  whoCan,
  type AccessModel,
  type ReasonFilter,
  type WhoCanAnswer,
  type WhoCanRow,
} from '@/lib/who-can.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useAccessModel, useWholeProgress } from './access-model.ts';
import { CatalogNotice } from './catalog-notice.tsx';
import { catalogQuery } from './catalog-query.ts';
import { PermissionsNav } from './permissions-nav.tsx';
import { RidBuilder } from './rid-builder.tsx';
import { useRidBuilder } from './use-rid-builder.ts';

const ACTION_CHOICES: readonly Action[] = ['read', 'create', 'update', 'delete', 'full'];
/** Rows shown at first and added by each "Show more": an answer can name thousands of accounts (the CSV has all). */
const STEP = 100;

const FILTERS = Object.keys(REASON_FILTERS) as readonly ReasonFilter[];

const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

function QuestionForm({
  catalog,
  initial,
  onAsk,
}: {
  catalog: readonly CatalogEntry[];
  initial: { rid: string; action: string };
  onAsk: (q: { rid: string; action: Action }) => void;
}) {
  const builder = useRidBuilder(catalog, initial.rid);
  const [action, setAction] = useState<string>(isAction(initial.action) ? initial.action : 'read');
  const [tried, setTried] = useState(false);
  const actions =
    builder.choice.actions.length > 0
      ? ACTION_CHOICES.filter((a) => builder.choice.actions.includes(a))
      : ACTION_CHOICES;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const chosen = actions.find((a) => a === action) ?? actions[0];
    if (builder.choice.problem || !chosen) return;
    onAsk({ rid: builder.choice.rid, action: chosen });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Access review question">
      <RidBuilder catalog={catalog} builder={builder} showProblem={tried} label="Resource catalog">
        <div className="field">
          <label htmlFor="who-action">Action</label>
          <select
            id="who-action"
            value={actions.includes(action as Action) ? action : (actions[0] ?? '')}
            onChange={(e) => setAction(e.target.value)}
          >
            {actions.map((a) => (
              <option key={a} value={a}>
                {a === 'full' ? 'full (every action)' : a}
              </option>
            ))}
          </select>
        </div>
      </RidBuilder>
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary">
          Review
        </button>
      </div>
    </form>
  );
}

/** Where the model stands: reading (progress, Cancel), read (as of, Refresh), failed (Retry), cancelled (Load). */
function ModelStatus({ access }: { access: ReturnType<typeof useAccessModel> }) {
  const { whole, cancel } = access;
  if (whole.data) {
    const asOf = <time dateTime={new Date(whole.data.asOf).toISOString()}>{time(whole.data.asOf)}</time>;
    // A failed Refresh keeps the model it had, and says that the answers are still that old.
    if (whole.isError)
      return (
        <ErrorState
          title="Could not refresh the permissions"
          error={whole.error}
          onRetry={() => void whole.refetch()}
          retrying={whole.isFetching}
        >
          The answers below are as of {asOf}.
        </ErrorState>
      );
    return (
      <p className="muted model-status">
        Permissions as of {asOf}.{' '}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void whole.refetch()}
          disabled={whole.isFetching}
        >
          {whole.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
    );
  }
  if (whole.isError)
    return (
      <ErrorState
        title="Could not read the cluster's permissions"
        error={whole.error}
        onRetry={() => void whole.refetch()}
        retrying={whole.isFetching}
      >
        {forbiddenHint(whole.error)}
      </ErrorState>
    );
  if (whole.isFetching) return <Progress onCancel={cancel} />;
  if (access.question.isFetching) return null;
  return (
    <p className="muted model-status">
      The permissions are not loaded.{' '}
      <button type="button" className="btn btn-small" onClick={() => void whole.refetch()}>
        Load them
      </button>
    </p>
  );
}

function Progress({ onCancel }: { onCancel: () => void }) {
  const progress = useWholeProgress();
  return (
    <div className="model-status">
      <LoadingState>
        Reading every ACL and group of the cluster{progress ? ` (${progress.done} of ${progress.total} reads)` : ''}…
      </LoadingState>
      <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Permission model progress" />{' '}
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function AccountLink({ row }: { row: WhoCanRow }) {
  const to =
    row.kind === 'service' ? orgPaths.serviceAccount(row.uid, 'permissions') : orgPaths.user(row.uid, 'permissions');
  return <Link to={to}>{row.uid}</Link>;
}

async function exportCsv(answer: WhoCanAnswer, rows: readonly WhoCanRow[]) {
  const { toCsv, downloadCsv } = await import('@/lib/csv.ts');
  const csv = toCsv<WhoCanRow>(
    [
      { header: 'Account', value: (r) => r.uid },
      { header: 'Kind', value: (r) => (r.kind === 'service' ? 'service account' : 'user') },
      { header: 'Why', value: (r) => r.reasons.map(describeReason).join(' | ') },
    ],
    rows,
  );
  const name = answer.rid.replace(/[^A-Za-z0-9._-]+/g, '_');
  downloadCsv(`who-can-${answer.action}-${name}.csv`, csv);
}

function verb(action: Action) {
  return action === 'full' ? 'have full control of' : action;
}

function AnswerView({ answer }: { answer: WhoCanAnswer }) {
  const [filter, setFilter] = useState<ReasonFilter>('all');
  const [shown, setShown] = useState(STEP);
  const rows = useMemo(() => answer.rows.filter((r) => matchesFilter(r, filter)), [answer, filter]);
  const total = answer.rows.length;
  return (
    <section className="card" aria-labelledby="who-answer-title">
      <h2 id="who-answer-title">
        Who can {verb(answer.action)} <span className="mono">{answer.rid}</span>
      </h2>
      {answer.modeNote && (
        <p className="notice">{answer.modeNote} Everyone is let through; the accounts below hold a grant as well.</p>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor="who-filter">Reason</label>
          <select
            id="who-filter"
            value={filter}
            onChange={(e) => {
              const value = FILTERS.find((k) => k === e.target.value);
              if (value) setFilter(value);
              setShown(STEP);
            }}
          >
            {Object.entries(REASON_FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p className="count" aria-live="polite">
          {rows.length === total
            ? `${total} ${total === 1 ? 'account' : 'accounts'}`
            : `${rows.length} of ${total} accounts`}
        </p>
        <button type="button" className="btn" onClick={() => void exportCsv(answer, rows)} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      {total === 0 ? (
        <p className="muted">
          No account holds a grant that allows it: nobody is a superuser, and no grant on this resource or a broader one
          covers “{answer.action}”.
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No account has a reason of this kind.</p>
      ) : (
        <>
          <table className="simple-table">
            <caption className="visually-hidden">
              Accounts that can {verb(answer.action)} {answer.rid}
            </caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Kind</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((row) => (
                <tr key={row.uid}>
                  <td>
                    <AccountLink row={row} />
                  </td>
                  <td>{row.kind === 'service' ? 'Service account' : 'User'}</td>
                  <td>
                    <ul className="reasons">
                      {row.reasons.map((reason, i) => (
                        <li key={i}>
                          {describeReason(reason)}
                          {reason.source.kind === 'group' && (
                            <>
                              {' '}
                              <Link to={orgPaths.group(reason.source.gid, 'permissions')}>
                                Open group {reason.source.gid}
                              </Link>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > shown && (
            <p>
              Showing {shown} of {rows.length}.{' '}
              <button type="button" className="btn btn-small" onClick={() => setShown((n) => n + STEP)}>
                Show more
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function MembershipView({ gid, model, mode }: { gid: string; model: AccessModel; mode: Mode }) {
  const gives = useMemo(() => membershipGives(model, gid, mode), [model, gid, mode]);
  return (
    <section className="card" aria-labelledby="who-group-title">
      <h2 id="who-group-title">What membership of {gid} gives</h2>
      {gives.length === 0 ? (
        <p className="muted">{gid} holds no permission: membership gives nothing.</p>
      ) : (
        <table className="simple-table">
          <caption className="visually-hidden">Permissions membership of {gid} gives</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Action</th>
              <th scope="col">Members who hold it only through {gid}</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {gives.slice(0, 500).map((g) => (
              <tr key={`${g.rid} ${g.action}`}>
                <td className="mono">{g.rid}</td>
                <td>{g.action}</td>
                <td>
                  {g.onlyThroughGroup} of {g.members}
                </td>
                <td>
                  <Link
                    to={permissionPaths.who({ rid: g.rid, action: g.action })}
                    aria-label={`Who can ${g.action} ${g.rid}?`}
                  >
                    Who can?
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {gives.length > 500 && <p className="muted">Showing 500 of {gives.length}.</p>}
    </section>
  );
}

/**
 * The access review, "who can do this?": every account that may perform an action on a resource, with every reason,
 * from the cluster's whole permission model (read once, kept, refreshed on demand). The question lives in the URL.
 */
export function WhoPage() {
  const [params, setParams] = useSearchParams();
  const catalog = useQuery(catalogQuery());
  const config = useQuery(metadataQueries.bootstrapConfig());
  const rid = params.get('rid') ?? '';
  const actionParam = params.get('action') ?? '';
  const action = isAction(actionParam) ? actionParam : null;
  const gid = params.get('group') ?? '';
  const asking = rid !== '' && action !== null ? rid : null;
  const access = useAccessModel(asking);
  const mode: Mode = config.data?.security ?? 'strict';
  const question = `${rid} ${actionParam}`;
  const [form, setForm] = useState({ question, asked: null as string | null, generation: 0 });
  if (form.question !== question)
    setForm({ question, asked: null, generation: question === form.asked ? form.generation : form.generation + 1 });

  const model =
    access.whole.data ??
    (asking !== null && access.question.data && canAnswer(access.question.data, asking) ? access.question.data : null);
  const answer = useMemo(
    () => (model && asking !== null && action ? whoCan(model, asking, action, mode) : null),
    [model, asking, action, mode],
  );

  return (
    <>
      <title>Who can? · Permissions · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Who can?</h1>
      </div>
      <PermissionsNav />
      <p className="muted">
        Every account that may perform an action on a resource, and why: superuser, a grant on the resource, “full”, or
        a broader resource, held directly or through a group.
      </p>
      {catalog.isPending ? (
        <LoadingState>Loading the permission catalog…</LoadingState>
      ) : (
        <>
          <CatalogNotice error={catalog.error} consequence="type the resource ID instead." />
          <QuestionForm
            key={form.generation}
            catalog={catalog.data ?? []}
            initial={{ rid, action: actionParam }}
            onAsk={(q) => {
              const asked = { rid: q.rid, action: q.action };
              setForm((current) => ({ ...current, asked: `${q.rid} ${q.action}` }));
              setParams(asked);
            }}
          />
        </>
      )}
      {!config.data && !config.isPending && (
        <p className="muted">The security mode could not be read; the answers assume strict.</p>
      )}
      <ModelStatus access={access} />
      {asking !== null && !answer && access.question.isError && !access.whole.data && (
        <ErrorState
          title="Could not read the permissions of this resource"
          error={access.question.error}
          onRetry={() => void access.question.refetch()}
          retrying={access.question.isFetching}
        >
          {forbiddenHint(access.question.error)}
        </ErrorState>
      )}
      {asking !== null && !answer && access.question.isFetching && (
        <LoadingState>Reading who holds {asking}…</LoadingState>
      )}
      {answer && <AnswerView key={`${answer.rid} ${answer.action}`} answer={answer} />}
      {gid !== '' && access.whole.data && <MembershipView gid={gid} model={access.whole.data} mode={mode} />}
    </>
  );
}
