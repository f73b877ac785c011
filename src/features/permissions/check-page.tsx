import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { uidSchema } from '@/api/users.ts';
import { isAction, type Action, type CatalogEntry } from '@/lib/rid.ts';
import { LoadingState } from '@/ui/query-state.tsx';
import { CatalogNotice } from './catalog-notice.tsx';
import { CheckAnswer } from './check-answer.tsx';
import { PermissionsNav } from './permissions-nav.tsx';
import { RidBuilder } from './rid-builder.tsx';
import { useRidBuilder } from './use-rid-builder.ts';
import { catalogQuery } from './catalog-query.ts';
import { actionChoices, ActionSelect, chosenAction } from './question-parts.tsx';
import { useQuestionFromUrl } from './use-question-from-url.ts';

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
  const actions = actionChoices(builder.choice.actions);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const chosen = chosenAction(actions, action);
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
        <ActionSelect id="check-action" actions={actions} value={action} onChange={setAction} />
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
  const catalog = useQuery(catalogQuery());
  const url = useQuestionFromUrl(['uid', 'rid', 'action']);
  const uid = url.value('uid');
  const rid = url.value('rid');
  const action = url.value('action');
  const checked = isAction(action) ? action : null;

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
            key={url.generation}
            catalog={catalog.data ?? []}
            initial={{ uid, rid, action }}
            onCheck={(q) => url.ask({ uid: q.uid, rid: q.rid, action: q.action })}
          />
        </>
      )}
      {uid !== '' && rid !== '' && checked && (
        <CheckAnswer key={`${uid} ${rid} ${checked}`} uid={uid} rid={rid} action={checked} />
      )}
    </>
  );
}
