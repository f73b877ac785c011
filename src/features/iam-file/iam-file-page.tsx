import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { allows, IAM_RID, ownPermissionsQuery } from '@/api/users.ts';
import { createBulkRun, type BulkRun, type BulkSnapshot } from '@/lib/bulk-runner.ts';
import { downloadText } from '@/lib/download.ts';
import { readSessionInfo } from '@/lib/session.ts';
import { useSearchUpdate } from '@/lib/use-search-update.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { SettingsNav } from '@/ui/settings-nav.tsx';
import { applyStep, skipReason } from './apply.ts';
import { DiffView, KIND_ORDER } from './diff-view.tsx';
import { exportIam, type ExportProgress } from './export.ts';
import { parseIamFile, serializeIamFile, type IamFile } from './format.ts';
import {
  KIND_LABELS,
  planChanges,
  planProblems,
  removesSuperuser,
  runnable,
  superuserHolders,
  type Step,
  type StepKind,
} from './plan.ts';
import { readText } from '@/lib/read-text.ts';
import { STATUS_LABELS } from '@/ui/bulk-panel.tsx';

type Reading =
  | { status: 'idle' }
  | { status: 'reading'; progress: ExportProgress | null; abort: AbortController }
  | { status: 'error'; message: string };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'The cluster could not be read.';
}

/** Reads the live cluster with progress and a Cancel; one read at a time per section. */
function useClusterRead() {
  const [reading, setReading] = useState<Reading>({ status: 'idle' });
  const read = useCallback(async (secretKinds: boolean): Promise<IamFile | null> => {
    const abort = new AbortController();
    setReading({ status: 'reading', progress: null, abort });
    try {
      const file = await exportIam({
        signal: abort.signal,
        secretKinds,
        onProgress: (progress) => setReading({ status: 'reading', progress, abort }),
      });
      setReading({ status: 'idle' });
      return file;
    } catch (error) {
      setReading(
        abort.signal.aborted
          ? { status: 'error', message: 'Cancelled: nothing was read to the end.' }
          : { status: 'error', message: errorMessage(error) },
      );
      return null;
    }
  }, []);
  return { reading, read };
}

function ReadProgress({ reading, label }: { reading: Reading; label: string }) {
  if (reading.status === 'error') return <ErrorAlert message={reading.message} />;
  if (reading.status !== 'reading') return null;
  const p = reading.progress;
  return (
    <div className="stack">
      <progress max={p?.total ?? 1} value={p?.done ?? 0} aria-label={label} />
      <p role="status" className="muted">
        Reading {p?.phase ?? 'the cluster'}… {p ? `${p.done} of ${p.total} requests` : ''}
      </p>
      <p>
        <button type="button" className="btn btn-small" onClick={() => reading.abort.abort()}>
          Cancel
        </button>
      </p>
    </div>
  );
}

/**
 * Whether the signed-in account may read and change the IAM (Admin Router's gate, `full`); undefined while unknown, when
 * the page lets the server decide.
 */
function useMayUseIam(): boolean | undefined {
  const permissions = useQuery(ownPermissionsQuery(readSessionInfo()?.uid ?? '')).data;
  return permissions === undefined ? undefined : allows(permissions, IAM_RID, 'full');
}

function ExportSection({ allowed }: { allowed: boolean }) {
  const { reading, read } = useClusterRead();
  const [kinds, setKinds] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const run = async () => {
    setSummary(null);
    const file = await read(kinds);
    if (!file) return;
    const stamp = new Date().toISOString();
    downloadText(
      `dcos-iam-${stamp.slice(0, 10)}.json`,
      serializeIamFile({ ...file, exportedAt: stamp }),
      'application/json',
    );
    setSummary(
      `Exported ${file.users.length} users, ${file.serviceAccounts.length} service accounts, ${file.groups.length} groups, ${file.acls.length} ACLs, ${file.identityProviders.oidc.length + file.identityProviders.saml.length} identity providers${file.secrets ? ` and ${file.secrets.length} secret paths` : ''}.`,
    );
  };
  return (
    <section className="card stack" aria-labelledby="iam-export">
      <h2 id="iam-export">Export</h2>
      <p className="muted">
        Saves the cluster’s users, service accounts (with their public keys), groups and members, ACLs with every grant,
        identity providers and the LDAP settings as one JSON file, sorted so that it diffs well in git. It holds no
        password, client secret, lookup password, private key or secret value.
      </p>
      <div className="field-inline">
        <input
          id="iam-secret-kinds"
          type="checkbox"
          checked={kinds}
          onChange={(e) => setKinds(e.target.checked)}
          aria-describedby="iam-secret-kinds-hint"
        />
        <label htmlFor="iam-secret-kinds">Include each secret’s kind (text or file)</label>
      </div>
      <p className="muted field-hint" id="iam-secret-kinds-hint">
        The store tells the kind only with the value: one request per secret, whose value is discarded unread. Without
        it, secrets are listed by path with the kind “unknown”.
      </p>
      <p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void run()}
          disabled={reading.status === 'reading' || !allowed}
          {...(allowed ? {} : { 'aria-describedby': 'iam-missing-permission' })}
        >
          Export the IAM
        </button>
      </p>
      <ReadProgress reading={reading} label="Export progress" />
      {summary && (
        <p role="status" className="notice">
          {summary}
        </p>
      )}
    </section>
  );
}

interface Loaded {
  name: string;
  file: IamFile;
}

function useBulkSnapshot(run: BulkRun<Step> | null): BulkSnapshot<Step> | null {
  const subscribe = useCallback((listener: () => void) => (run ? run.subscribe(listener) : () => undefined), [run]);
  return useSyncExternalStore(subscribe, () => run?.getSnapshot() ?? null);
}

function CompareSection({ allowed }: { allowed: boolean }) {
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const update = useSearchUpdate();
  const kindFilter = (params.get('kind') ?? '') as StepKind | '';
  const flaggedOnly = params.get('flagged') === '1';

  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const { reading, read } = useClusterRead();
  const [comparison, setComparison] = useState<{ live: IamFile; steps: Step[] } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [secrets, setSecrets] = useState<ReadonlyMap<string, string>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [run, setRun] = useState<BulkRun<Step> | null>(null);
  const [skipped, setSkipped] = useState<{ step: Step; reason: string }[]>([]);
  const snapshot = useBulkSnapshot(run);
  const running = snapshot !== null && !snapshot.done;
  // Once applied, the diff describes the cluster as it was: Compare again before applying anything more.
  const applied = run !== null;
  const fileInput = useRef<HTMLInputElement>(null);

  const compare = async (target: IamFile) => {
    setComparison(null);
    setRun(null);
    setSkipped([]);
    // Secrets are compared by path only, so no secret is asked for its kind here (that reads its value's headers).
    const live = await read(false);
    if (!live) return;
    const steps = planChanges(live, target);
    setComparison({ live, steps });
    setSelected(new Set(steps.filter(runnable).map((s) => s.key)));
    setSecrets(new Map());
  };

  const choose = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    setLoaded(null);
    setComparison(null);
    setRun(null);
    setFileErrors([]);
    if (!picked) return;
    let text: string;
    try {
      text = await readText(picked);
    } catch {
      setFileErrors(['The file could not be read.']);
      return;
    }
    const result = parseIamFile(text);
    if (!result.ok) {
      setFileErrors(result.errors);
      return;
    }
    setLoaded({ name: picked.name, file: result.file });
    await compare(result.file);
  };

  const steps = useMemo(() => comparison?.steps ?? [], [comparison]);
  const chosen = useMemo(() => steps.filter((s) => runnable(s) && selected.has(s.key)), [steps, selected]);
  const problems = useMemo(() => (comparison ? planProblems(comparison.live, chosen) : []), [comparison, chosen]);
  const holders = useMemo(() => (comparison ? superuserHolders(comparison.live) : new Set<string>()), [comparison]);
  const blocking = useMemo(
    () =>
      new Set(
        problems.length > 0 && comparison
          ? chosen.filter((s) => removesSuperuser(comparison.live, s, holders)).map((s) => s.key)
          : [],
      ),
    [problems, chosen, comparison, holders],
  );
  const shown = steps.filter(
    (s) => (kindFilter === '' || s.kind === kindFilter) && (!flaggedOnly || s.sensitive.length > 0),
  );
  const systemUids = [...new Set(chosen.flatMap((s) => (s.systemUid ? [s.systemUid] : [])))].sort();
  const flagged = steps.filter((s) => s.sensitive.length > 0).length;
  const counts = {
    add: steps.filter((s) => s.change === 'add').length,
    remove: steps.filter((s) => s.change === 'remove').length,
    change: steps.filter((s) => s.change === 'change').length,
  };

  const start = () => {
    const snapshotSecrets = new Map(secrets);
    const toRun = chosen.filter((s) => skipReason(s, snapshotSecrets) === null);
    setSkipped([
      ...chosen.flatMap((s) => {
        const reason = skipReason(s, snapshotSecrets);
        return reason === null ? [] : [{ step: s, reason }];
      }),
      ...steps.filter((s) => !runnable(s)).map((s) => ({ step: s, reason: s.unsupported ?? 'Not applied.' })),
    ]);
    // One at a time, in plan order: a grant waits for the group it names, and removals come after additions.
    const next = createBulkRun(toRun, (step, signal) => applyStep(step, snapshotSecrets, signal), {
      key: (s) => s.key,
      concurrency: 1,
    });
    setRun(next);
    setSecrets(new Map());
    const refresh = () => queryClient.invalidateQueries();
    void next.start().then(refresh);
    return Promise.resolve();
  };

  return (
    <section className="card stack" aria-labelledby="iam-compare">
      <h2 id="iam-compare">Compare and apply</h2>
      <p className="muted">
        Choose an IAM file to see how the cluster differs from it. Nothing changes until you apply the changes you tick.
      </p>
      <div className="field">
        <label htmlFor="iam-file-input">IAM file</label>
        <input
          id="iam-file-input"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          disabled={reading.status === 'reading' || running || !allowed}
          onChange={(e) => void choose(e.currentTarget)}
          {...(fileErrors.length > 0 ? { 'aria-invalid': true, 'aria-describedby': 'iam-file-errors' } : {})}
        />
      </div>
      {fileErrors.length > 0 && (
        <div className="alert alert-error" role="alert" id="iam-file-errors">
          <p className="alert-title">This is not an IAM file the console can read</p>
          <ul>
            {fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <ReadProgress reading={reading} label="Comparison progress" />
      {loaded && comparison && (
        <>
          <p role="status">
            {steps.length === 0
              ? `The cluster matches ${loaded.name}: nothing to apply.`
              : `${loaded.name} differs from the cluster in ${steps.length} ${steps.length === 1 ? 'way' : 'ways'}: ${counts.add} added, ${counts.remove} removed, ${counts.change} changed${flagged > 0 ? `; ${flagged} sensitive` : ''}. Nothing has been changed yet.`}
          </p>
          {steps.length > 0 && (
            <div className="toolbar">
              <div className="field-inline">
                <label htmlFor="iam-kind-filter">Show</label>
                <select
                  id="iam-kind-filter"
                  value={kindFilter}
                  onChange={(e) =>
                    update({ kind: e.target.value === '' ? null : e.target.value }, { replace: true, flushSync: true })
                  }
                >
                  <option value="">Every kind</option>
                  {KIND_ORDER.filter((k) => steps.some((s) => s.kind === k)).map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-inline">
                <input
                  id="iam-flagged"
                  type="checkbox"
                  checked={flaggedOnly}
                  onChange={(e) =>
                    update({ flagged: e.target.checked ? '1' : null }, { replace: true, flushSync: true })
                  }
                />
                <label htmlFor="iam-flagged">Only sensitive changes</label>
              </div>
              <button
                type="button"
                className="btn btn-small"
                disabled={applied}
                onClick={() => setSelected(new Set(steps.filter(runnable).map((s) => s.key)))}
              >
                Tick all
              </button>
              <button type="button" className="btn btn-small" disabled={applied} onClick={() => setSelected(new Set())}>
                Untick all
              </button>
            </div>
          )}
          <DiffView
            steps={shown}
            selected={selected}
            onToggle={(key, on) =>
              setSelected((current) => {
                const next = new Set(current);
                if (on) next.add(key);
                else next.delete(key);
                return next;
              })
            }
            secrets={secrets}
            onSecret={(key, value) => setSecrets((current) => new Map(current).set(key, value))}
            blocking={blocking}
            disabled={applied}
          />
          {problems.map((p) => (
            <div key={p} className="alert alert-error" role="alert">
              <p className="alert-title">Cannot apply these changes</p>
              <p>{p}</p>
            </div>
          ))}
          {steps.length > 0 && (
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-primary"
                disabled={chosen.length === 0 || problems.length > 0 || applied}
                onClick={() => setConfirming(true)}
              >
                Apply {chosen.length} {chosen.length === 1 ? 'change' : 'changes'}
              </button>
              <button
                type="button"
                className="btn"
                disabled={running || reading.status === 'reading'}
                onClick={() => void compare(loaded.file)}
              >
                Compare again
              </button>
              {applied && !running && (
                <p className="muted">Applied: compare again to see where the cluster stands now.</p>
              )}
            </div>
          )}
        </>
      )}
      <ConfirmDialog
        title={`Apply ${chosen.length} ${chosen.length === 1 ? 'change' : 'changes'} to the cluster?`}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={start}
        confirmLabel="Apply"
        requireTyping={systemUids.length > 0 ? systemUids.join(' ') : undefined}
      >
        <p>
          The changes run one at a time, additions first and removals last; each gets its result, and failed ones can be
          retried.
        </p>
        {chosen.some((s) => s.sensitive.length > 0) && (
          <p>{chosen.filter((s) => s.sensitive.length > 0).length} of them are sensitive.</p>
        )}
        {systemUids.length > 0 && (
          <p>
            They change DC/OS component {systemUids.length === 1 ? 'account' : 'accounts'} {systemUids.join(', ')},
            which the cluster’s own services use.
          </p>
        )}
      </ConfirmDialog>
      {snapshot && run && <ApplyResults snapshot={snapshot} run={run} skipped={skipped} onDone={queryClient} />}
    </section>
  );
}

const RESULTS_SHOWN = 300;

function ApplyResults({
  snapshot,
  run,
  skipped,
  onDone,
}: {
  snapshot: BulkSnapshot<Step>;
  run: BulkRun<Step>;
  skipped: readonly { step: Step; reason: string }[];
  onDone: ReturnType<typeof useQueryClient>;
}) {
  const { counts, done, items } = snapshot;
  const finished = counts.succeeded + counts.failed + counts.cancelled;
  const partly = done && counts.succeeded > 0 && (counts.failed > 0 || counts.cancelled > 0);
  // A restore may run 10,000 changes: past a few hundred, the list keeps what needs a look (not done yet, failed,
  // cancelled) and counts the rest.
  const listed =
    items.length <= RESULTS_SHOWN
      ? items
      : items.filter((item) => item.status !== 'succeeded' && item.status !== 'pending').slice(0, RESULTS_SHOWN);
  const hidden = items.length - listed.length;
  return (
    <section className="bulk-panel stack" aria-labelledby="iam-apply-results">
      <h2 id="iam-apply-results">Apply results</h2>
      <progress max={Math.max(items.length, 1)} value={finished} aria-label="Apply progress" />
      <p role="status">
        {done ? 'Finished: ' : `${finished} of ${items.length} applied or stopped: `}
        {counts.succeeded} applied, {counts.failed} failed
        {counts.cancelled > 0 ? `, ${counts.cancelled} cancelled` : ''}
        {skipped.length > 0 ? `, ${skipped.length} skipped` : ''}.
      </p>
      {partly && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">The cluster is partly changed</p>
          <p>
            {counts.succeeded} of {items.length} changes were applied; the others were not. Retry the failed ones, or
            compare again to see where the cluster stands.
          </p>
        </div>
      )}
      <ul className="bulk-results" aria-label="Results">
        {listed.map((item) => (
          <li key={item.key} className={`bulk-${item.status}`}>
            <span className="mono">{item.item.label}</span> <span>{STATUS_LABELS[item.status]}</span>
            {item.status === 'failed' && <span className="field-error">: {item.error}</span>}
          </li>
        ))}
        {hidden > 0 && <li className="muted">{hidden} more not listed: done, or waiting their turn.</li>}
        {skipped.map(({ step, reason }) => (
          <li key={step.key} className="bulk-cancelled">
            <span className="mono">{step.label}</span> <span>Skipped</span>
            <span className="muted">: {reason}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        {!done && (
          <button type="button" className="btn" onClick={() => run.cancel()}>
            Cancel the rest
          </button>
        )}
        {done && counts.failed > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void run.retryFailed().then(() => onDone.invalidateQueries())}
          >
            Retry failed ({counts.failed})
          </button>
        )}
      </div>
    </section>
  );
}

export function IamFilePage() {
  const allowed = useMayUseIam() !== false;
  return (
    <>
      <title>IAM file · Settings · DC/OS Security Console</title>
      <div className="page-head">
        <h1>IAM file</h1>
      </div>
      <SettingsNav />
      <div className="stack">
        {!allowed && (
          <MissingPermission
            id="iam-missing-permission"
            what="Exporting, comparing and applying the IAM"
            rid={IAM_RID}
            action="full"
          />
        )}
        <ExportSection allowed={allowed} />
        <CompareSection allowed={allowed} />
      </div>
    </>
  );
}
