import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { uidSchema } from '@/api/users.ts';
import { isAction, type Action, type CatalogEntry } from '@/lib/rid.ts';
import { LoadingState } from '@/ui/query-state.tsx';
import { CatalogNotice } from './catalog-notice.tsx';
import { CheckAnswer } from './check-answer.tsx';
import { PermissionsNav } from './permissions-nav.tsx';
import { RidBuilder } from './rid-builder.tsx';
import { useRidBuilder } from './use-rid-builder.ts';
import { catalogQuery } from './catalog-query.ts';

const ACTION_CHOICES: readonly Action[] = ['read', 'create', 'update', 'delete', 'full'];

function CheckForm({
  catalog,
  initial,
  onCheck,
}: {
  catalog: readonly CatalogEntry[];
  initial: { uid: string; rid: string; action: string };
  onCheck: (q: { uid: string; rid: string; action: Action }) => void;
}) {
  const builder = useRidBuilder(catalog, initial.rid);
  const [uid, setUid] = useState(initial.uid);
  const [action, setAction] = useState<string>(isAction(initial.action) ? initial.action : 'read');
  const [tried, setTried] = useState(false);
  const uidCheck = uidSchema.safeParse(uid);
  const uidProblem = uidCheck.success ? null : (uidCheck.error.issues[0]?.message ?? 'Enter a user ID.');
  const actions =
    builder.choice.actions.length > 0
      ? ACTION_CHOICES.filter((a) => builder.choice.actions.includes(a))
      : ACTION_CHOICES;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const chosen = actions.find((a) => a === action) ?? actions[0];
    if (uidProblem || builder.choice.problem || !chosen || !uidCheck.success) return;
    onCheck({ uid: uidCheck.data, rid: builder.choice.rid, action: chosen });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Access question">
      <div className="field">
        <label htmlFor="check-uid">Account (user or service account ID)</label>
        <input
          id="check-uid"
          value={uid}
          onChange={(e) => setUid(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...(tried && uidProblem ? { 'aria-invalid': true, 'aria-describedby': 'check-uid-error' } : {})}
        />
        {tried && uidProblem && (
          <p className="field-error" id="check-uid-error">
            {uidProblem}
          </p>
        )}
      </div>
      <RidBuilder catalog={catalog} builder={builder} showProblem={tried} label="Resource catalog">
        <div className="field">
          <label htmlFor="check-action">Action</label>
          <select
            id="check-action"
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
          Check
        </button>
      </div>
    </form>
  );
}

/** "Can X do Y — and why?": the question lives in the URL, so an answer can be shared and reloaded. */
export function CheckPage() {
  const [params, setParams] = useSearchParams();
  const catalog = useQuery(catalogQuery());
  const uid = params.get('uid') ?? '';
  const rid = params.get('rid') ?? '';
  const action = params.get('action') ?? '';
  const checked = isAction(action) ? action : null;
  // The form holds its own edits, so it starts again from the URL when the question there changes by Back, Forward or a
  // link; not when the change is its own Check (`asked`), which would only cost the focus. Adjusting state during render
  // is React's pattern for this.
  const question = new URLSearchParams({ uid, rid, action }).toString();
  const [form, setForm] = useState<{ question: string; asked: string | null; generation: number }>({
    question,
    asked: null,
    generation: 0,
  });
  if (form.question !== question)
    setForm({ question, asked: null, generation: question === form.asked ? form.generation : form.generation + 1 });

  return (
    <>
      <title>Check access · Permissions · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Check access</h1>
      </div>
      <PermissionsNav />
      <p className="muted">
        Ask whether an account may perform an action on a resource, and see every grant that decides it.
      </p>
      {catalog.isPending ? (
        <LoadingState>Loading the permission catalog…</LoadingState>
      ) : (
        <>
          <CatalogNotice error={catalog.error} consequence="type the resource ID instead." />
          <CheckForm
            key={form.generation}
            catalog={catalog.data ?? []}
            initial={{ uid, rid, action }}
            onCheck={(q) => {
              const asked = { uid: q.uid, rid: q.rid, action: q.action };
              setForm((current) => ({ ...current, asked: new URLSearchParams(asked).toString() }));
              setParams(asked);
            }}
          />
        </>
      )}
      {uid !== '' && rid !== '' && checked && (
        <CheckAnswer key={`${uid} ${rid} ${checked}`} uid={uid} rid={rid} action={checked} />
      )}
    </>
  );
}
