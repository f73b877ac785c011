import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { forbiddenHint, isApiError } from '@/api/errors.ts';
import { groupQueries } from '@/api/groups.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { describeReason, type Mode } from '@/lib/access-check.ts';
import { orgPaths, permissionPaths } from '@/lib/paths.ts';
import { isAction, secretPathOf, type Action, type CatalogEntry } from '@/lib/rid.ts';
import { describeSpace } from '@/lib/spaces.ts';
import {
  canAnswer,
  matchesFilter,
  membershipGives,
  REASON_FILTERS,
  whoCan,
  type AccessModel,
  type MembershipGrant,
  type ReasonFilter,
  type WhoCanAnswer,
  type WhoCanRow,
} from '@/lib/who-can.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useAccessModel, useWholeProgress, type LoadPhase } from './access-model.ts';
import { CatalogNotice } from './catalog-notice.tsx';
import { catalogQuery } from './catalog-query.ts';
import { PermissionsNav } from './permissions-nav.tsx';
import { actionChoices, ActionSelect, chosenAction, ReasonList } from './question-parts.tsx';
import { RidBuilder } from './rid-builder.tsx';
import { useQuestionFromUrl } from './use-question-from-url.ts';
import { useRidBuilder } from './use-rid-builder.ts';

/** Rows shown at first and added by each "Show more": an answer can name thousands of accounts (the CSV has all). */
const STEP = 100;

const FILTERS = Object.keys(REASON_FILTERS) as readonly ReasonFilter[];
const isFilter = (value: string): value is ReasonFilter => FILTERS.some((f) => f === value);

/** A time of day, with the date in front when it is not today: an answer read yesterday must not look fresh. */
function when(ms: number): string {
  const date = new Date(ms);
  const clock = date.toLocaleTimeString('en-GB', { hour12: false });
  if (date.toDateString() === new Date().toDateString()) return clock;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ${clock}`;
}

function At({ ms }: { ms: number }) {
  return <time dateTime={new Date(ms).toISOString()}>{when(ms)}</time>;
}

/** The span of the reads a model comes from: a change made during it may or may not be in the answers. */
function ReadSpan({ model }: { model: AccessModel }) {
  return (
    <>
      from <At ms={model.asOf} /> to <At ms={model.until} />
    </>
  );
}

/** A file name's time: the model's "as of", in UTC, without characters a file system may refuse. */
const fileTime = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '');

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
  const [action, setAction] = useState<string>(initial.action);
  const [tried, setTried] = useState(false);
  const actions = actionChoices(builder.choice.actions);
  // An action the link named that is none (`?action=FULL`) is said at the field until another is chosen.
  const problem =
    action !== '' && action === initial.action && !isAction(action)
      ? `“${action}” is not an action; choose one of ${actions.join(', ')}.`
      : null;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const chosen = chosenAction(actions, action);
    if (builder.choice.problem || !chosen) return;
    onAsk({ rid: builder.choice.rid, action: chosen });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Access review question">
      <RidBuilder catalog={catalog} builder={builder} showProblem={tried} label="Resource catalog">
        <ActionSelect id="who-action" actions={actions} value={action} onChange={setAction} problem={problem} />
      </RidBuilder>
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary">
          Review
        </button>
      </div>
    </form>
  );
}

type Access = ReturnType<typeof useAccessModel>;

/**
 * Where the whole model stands: reading (progress, Cancel), read (when, Refresh), failed (Retry), or not loaded
 * (Load). `partial` is true when an answer from a smaller read is on screen: then "not loaded" would be untrue.
 */
function ModelStatus({ access, partial }: { access: Access; partial: boolean }) {
  const { whole, cancel, load } = access;
  if (whole.data) {
    // A failed Refresh keeps the model it had, and says that the answers are still that old.
    if (whole.isError)
      return (
        <ErrorState
          title="Could not refresh the permissions"
          error={whole.error}
          onRetry={load}
          retrying={whole.isFetching}
        >
          {forbiddenHint(whole.error)} The answers below are as of <At ms={whole.data.asOf} />.
        </ErrorState>
      );
    return (
      <p className="muted model-status">
        Permissions read <ReadSpan model={whole.data} />.{' '}
        <button type="button" className="btn btn-small" onClick={load} disabled={whole.isFetching}>
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
        onRetry={load}
        retrying={whole.isFetching}
      >
        {forbiddenHint(whole.error)}
      </ErrorState>
    );
  if (whole.isFetching) return <Progress onCancel={cancel} />;
  if (access.question.isFetching || access.membership.isFetching) return null;
  return (
    <p className="muted model-status">
      {partial
        ? 'Only what this answer needs was read; the whole model (every ACL and group, for instant later answers) is not loaded.'
        : 'The permissions are not loaded.'}{' '}
      <button type="button" className="btn btn-small" onClick={load}>
        {partial ? 'Load the whole model' : 'Load them'}
      </button>
    </p>
  );
}

const PHASES: Readonly<Record<LoadPhase, string>> = {
  lists: 'Step 1 of 3: reading the list of ACLs and service accounts…',
  acls: 'Step 2 of 3: reading who holds each ACL…',
  members: 'Step 3 of 3: reading the members of every group that holds a grant…',
};

/**
 * The whole load's progress. The status text changes with the phase only, so a screen reader hears three milestones
 * rather than ten updates a second; the bar carries the count, against a total fixed for each phase.
 */
function Progress({ onCancel }: { onCancel: () => void }) {
  const progress = useWholeProgress();
  const phase = progress?.phase ?? 'lists';
  return (
    <div className="model-status">
      <LoadingState>{PHASES[phase]}</LoadingState>
      <progress
        max={Math.max(1, progress?.total ?? 1)}
        value={progress?.done ?? 0}
        aria-label="Permission model progress"
      />{' '}
      <span className="muted" aria-hidden="true">
        {progress ? `${progress.done} of ${progress.total}` : ''}
      </span>{' '}
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

/** What an exported answer was: the question, when the model was read, the mode, the filter. On every row. */
export interface AnswerContext {
  model: AccessModel;
  mode: Mode;
  modeKnown: boolean;
}

const modeCaveat = (context: AnswerContext, note: string | null) =>
  [context.modeKnown ? null : 'The security mode could not be read; the answer assumes strict.', note]
    .filter(Boolean)
    .join(' ');

async function exportCsv(
  answer: WhoCanAnswer,
  rows: readonly WhoCanRow[],
  filter: ReasonFilter,
  context: AnswerContext,
) {
  const { toCsv, downloadCsv } = await import('@/lib/csv.ts');
  const csv = toCsv<WhoCanRow>(
    [
      { header: 'Account', value: (r) => r.uid },
      { header: 'Kind', value: (r) => (r.kind === 'service' ? 'service account' : 'user') },
      { header: 'Why', value: (r) => r.reasons.map(describeReason).join(' | ') },
      { header: 'Resource', value: () => answer.rid },
      { header: 'Action', value: () => answer.action },
      { header: 'As of', value: () => new Date(context.model.asOf).toISOString() },
      { header: 'Read until', value: () => new Date(context.model.until).toISOString() },
      { header: 'Security mode', value: () => context.mode },
      { header: 'Mode caveat', value: () => modeCaveat(context, answer.modeNote) },
      { header: 'Filter', value: () => REASON_FILTERS[filter] },
    ],
    rows,
  );
  const name = answer.rid.replace(/[^A-Za-z0-9._-]+/g, '_');
  downloadCsv(`who-can-${answer.action}-${name}-${fileTime(context.model.asOf)}.csv`, csv);
}

function verb(action: Action) {
  return action === 'full' ? 'have full control of' : action;
}

function AnswerView({
  answer,
  context,
  scoped,
  filter,
  onFilter,
}: {
  answer: WhoCanAnswer;
  context: AnswerContext;
  /** Read for this question only (not the whole model): said, with when. */
  scoped: boolean;
  filter: ReasonFilter;
  onFilter: (filter: ReasonFilter) => void;
}) {
  const [shown, setShown] = useState(STEP);
  const rows = useMemo(() => answer.rows.filter((r) => matchesFilter(r, filter)), [answer, filter]);
  const total = answer.rows.length;
  const secretPath = secretPathOf(answer.rid);
  return (
    <section className="card" aria-labelledby="who-answer-title">
      <h2 id="who-answer-title">
        Who can {verb(answer.action)} <span className="mono">{answer.rid}</span>
      </h2>
      {scoped && (
        <p className="muted">
          Read <ReadSpan model={context.model} /> for this question.
        </p>
      )}
      {answer.modeNote && (
        <p className="notice">{answer.modeNote} Everyone is let through; the accounts below hold a grant as well.</p>
      )}
      {secretPath !== null && (
        <p className="muted">
          Marathon apps in the secret&apos;s space can also read it, without an IAM grant (they are not IAM accounts):{' '}
          {describeSpace(secretPath)}
        </p>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor="who-filter">Reason</label>
          <select
            id="who-filter"
            value={filter}
            onChange={(e) => {
              const value = e.target.value;
              if (isFilter(value)) onFilter(value);
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
        <button
          type="button"
          className="btn"
          onClick={() => void exportCsv(answer, rows, filter, context)}
          disabled={rows.length === 0}
        >
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
                    <ReasonList reasons={row.reasons} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore shown={shown} total={rows.length} onMore={() => setShown((n) => n + STEP)} />
        </>
      )}
    </section>
  );
}

function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <p>
      Showing {shown} of {total}.{' '}
      <button type="button" className="btn btn-small" onClick={onMore}>
        Show more
      </button>
    </p>
  );
}

async function exportMembershipCsv(gid: string, gives: readonly MembershipGrant[], context: AnswerContext) {
  const { toCsv, downloadCsv } = await import('@/lib/csv.ts');
  const csv = toCsv<MembershipGrant>(
    [
      { header: 'Resource', value: (g) => g.rid },
      { header: 'Action', value: (g) => g.action },
      { header: 'Members', value: (g) => g.members },
      { header: 'Members who hold it only through the group', value: (g) => g.onlyThroughGroup },
      { header: 'Group', value: () => gid },
      { header: 'As of', value: () => new Date(context.model.asOf).toISOString() },
      { header: 'Read until', value: () => new Date(context.model.until).toISOString() },
      { header: 'Security mode', value: () => context.mode },
      { header: 'Mode caveat', value: () => modeCaveat(context, null) },
    ],
    gives,
  );
  downloadCsv(`membership-${gid.replace(/[^A-Za-z0-9._-]+/g, '_')}-${fileTime(context.model.asOf)}.csv`, csv);
}

function MembershipView({ gid, context, scoped }: { gid: string; context: AnswerContext; scoped: boolean }) {
  const { model, mode } = context;
  const gives = useMemo(() => membershipGives(model, gid, mode), [model, gid, mode]);
  const [shown, setShown] = useState(STEP);
  return (
    <section className="card" aria-labelledby="who-group-title">
      <h2 id="who-group-title">What membership of {gid} gives</h2>
      {scoped && (
        <p className="muted">
          Read <ReadSpan model={model} /> for this group.
        </p>
      )}
      {gives.length === 0 ? (
        <p className="muted">{gid} holds no permission: membership gives nothing.</p>
      ) : (
        <>
          <div className="toolbar">
            <p className="count">
              {gives.length} {gives.length === 1 ? 'grant' : 'grants'}
            </p>
            <button type="button" className="btn" onClick={() => void exportMembershipCsv(gid, gives, context)}>
              Export CSV
            </button>
          </div>
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
              {gives.slice(0, shown).map((g) => (
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
          <ShowMore shown={shown} total={gives.length} onMore={() => setShown((n) => n + STEP)} />
        </>
      )}
    </section>
  );
}

/** "What does membership give?": says so when the group does not exist rather than "membership gives nothing". */
function Membership({ gid, access, context }: { gid: string; access: Access; context: Omit<AnswerContext, 'model'> }) {
  const group = useQuery({ ...groupQueries.detail(gid), retry: false, throwOnError: false });
  const missing =
    (group.isError && isApiError(group.error, 'not-found')) ||
    (access.membership.isError && isApiError(access.membership.error, 'not-found'));
  if (missing)
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-title">No group “{gid}”</p>
        <p>Check the group ID, or open it from the groups list.</p>
      </div>
    );
  const model = access.whole.data ?? access.membership.data;
  if (model) return <MembershipView gid={gid} context={{ ...context, model }} scoped={!access.whole.data} />;
  if (access.membership.isError)
    return (
      <ErrorState
        title="Could not read what this group's membership gives"
        error={access.membership.error}
        onRetry={() => void access.membership.refetch()}
        retrying={access.membership.isFetching}
      >
        {forbiddenHint(access.membership.error)}
      </ErrorState>
    );
  if (access.membership.isFetching) return <LoadingState>Reading the grants of {gid}…</LoadingState>;
  return null;
}

/**
 * The access review, "who can do this?": every account that may perform an action on a resource, with every reason,
 * from the cluster's whole permission model (read once, kept, refreshed on demand). The question lives in the URL.
 */
export function WhoPage() {
  const url = useQuestionFromUrl(['rid', 'action']);
  const catalog = useQuery(catalogQuery());
  const config = useQuery(metadataQueries.bootstrapConfig());
  const rid = url.value('rid');
  const actionParam = url.value('action');
  const action = isAction(actionParam) ? actionParam : null;
  const gid = url.value('group');
  const filterParam = url.value('filter');
  const filter: ReasonFilter = isFilter(filterParam) ? filterParam : 'all';
  const asking = rid !== '' && action !== null ? rid : null;
  const access = useAccessModel(asking, gid === '' ? null : gid);
  const mode: Mode = config.data?.security ?? 'strict';
  const modeKnown = config.data !== undefined;

  const scopedModel =
    asking !== null && access.question.data && canAnswer(access.question.data, asking) ? access.question.data : null;
  const model = access.whole.data ?? scopedModel;
  const answer = useMemo(
    () => (model && asking !== null && action ? whoCan(model, asking, action, mode) : null),
    [model, asking, action, mode],
  );
  const partial = answer !== null || (gid !== '' && access.membership.data !== undefined);
  const setFilter = (next: ReasonFilter) =>
    url.setParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next === 'all') params.delete('filter');
        else params.set('filter', next);
        return params;
      },
      { replace: true },
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
            key={url.generation}
            catalog={catalog.data ?? []}
            initial={{ rid, action: actionParam }}
            onAsk={(q) => url.ask({ rid: q.rid, action: q.action })}
          />
        </>
      )}
      {rid !== '' && actionParam === '' && (
        <p className="notice">The link names a resource but no action: choose the action above and Review.</p>
      )}
      {rid === '' && actionParam !== '' && (
        <p className="notice">The link names an action but no resource: choose the resource above and Review.</p>
      )}
      {!modeKnown && !config.isPending && (
        <p className="muted">The security mode could not be read; the answers assume strict.</p>
      )}
      <ModelStatus access={access} partial={partial} />
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
      {answer && model && (
        <AnswerView
          key={`${answer.rid} ${answer.action}`}
          answer={answer}
          context={{ model, mode, modeKnown }}
          scoped={!access.whole.data}
          filter={filter}
          onFilter={setFilter}
        />
      )}
      {gid !== '' && <Membership gid={gid} access={access} context={{ mode, modeKnown }} />}
    </>
  );
}
