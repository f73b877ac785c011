import { useEffect, useState, type SyntheticEvent } from 'react';
import { grantPermission, type Principal } from '@/api/acls.ts';
import { forbiddenHint } from '@/api/errors.ts';
import type { Action, CatalogEntry } from '@/lib/rid.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { Dialog } from '@/ui/dialog.tsx';
import { CatalogNotice } from './catalog-notice.tsx';
import { RidBuilder } from './rid-builder.tsx';
import { usePermissionChange } from './use-permission-change.ts';
import { useRidBuilder } from './use-rid-builder.ts';

export function principalName(principal: Principal): string {
  return 'uid' in principal ? principal.uid : `group ${principal.gid}`;
}

interface GrantInput {
  rid: string;
  actions: Action[];
  description: string;
}

interface GrantProps {
  principal: Principal;
  catalog: readonly CatalogEntry[];
  /** Why the catalog is empty, when it failed to load. */
  catalogError: Error | null;
  initialRid: string;
  initialActions: readonly Action[];
  /** Told the rid being edited (a typed one as typed, a catalog one once complete), so the URL can keep it. */
  onRidChange: (rid: string) => void;
  onDone: () => void;
}

function GrantForm({ principal, catalog, catalogError, initialRid, initialActions, onRidChange, onDone }: GrantProps) {
  const builder = useRidBuilder(catalog, initialRid);
  const [picked, setPicked] = useState<ReadonlySet<Action>>(new Set(initialActions));
  const [description, setDescription] = useState('');
  const grant = usePermissionChange(
    (input: GrantInput) => grantPermission(principal, input.rid, input.actions, input.description),
    (input) => `Granted ${input.actions.join(', ')} on ${input.rid} to ${principalName(principal)}.`,
  );
  const { choice } = builder;
  // An incomplete catalog rid (a placeholder left empty) would come back as a typed rid; keep none until it is whole.
  const editedRid = builder.state.mode === 'free' ? builder.state.freeRid : choice.problem ? '' : choice.rid;
  useEffect(() => onRidChange(editedRid), [editedRid, onRidChange]);
  const actions = choice.actions.filter((a) => picked.has(a));
  // Why Grant cannot be pressed yet: the rid first, then the actions.
  const blocker = choice.problem ?? (actions.length === 0 ? 'Choose at least one action.' : null);
  const hint = grant.error ? forbiddenHint(grant.error) : null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (blocker || grant.isPending) return;
    grant.mutate(
      { rid: choice.rid, actions, description: description.trim() || (choice.entry?.description ?? '') },
      { onSuccess: onDone },
    );
  };
  const toggle = (action: Action) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(action)) next.delete(action);
      else next.add(action);
      return next;
    });

  return (
    <form className="grant-form" onSubmit={submit} noValidate>
      <CatalogNotice error={catalogError} consequence="type the resource ID; every action is offered." />
      <RidBuilder catalog={catalog} builder={builder} showProblem={false} label="Resource catalog">
        <fieldset className="action-choices">
          <legend>Actions</legend>
          {choice.actions.length === 0 && <p className="muted">Choose a resource first.</p>}
          {choice.actions.map((action) => (
            <label key={action}>
              <input type="checkbox" checked={picked.has(action)} onChange={() => toggle(action)} /> {action}
              {action === 'full' && <span className="muted"> (every action)</span>}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="grant-description">Description of the resource (used when its ACL is new)</label>
          <input
            id="grant-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder={choice.entry?.description ?? ''}
          />
        </div>
      </RidBuilder>
      <ErrorAlert message={grant.error?.message}>{hint && <p>{hint}</p>}</ErrorAlert>
      <div className="dialog-actions grant-actions">
        <p className="grant-blocker muted" id="grant-blocker">
          {blocker}
        </p>
        <button type="button" className="btn" onClick={onDone} disabled={grant.isPending}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={blocker !== null || grant.isPending}
          aria-describedby={blocker ? 'grant-blocker' : undefined}
        >
          {grant.isPending ? 'Granting…' : 'Grant'}
        </button>
      </div>
    </form>
  );
}

/** Grants one rid with one or more actions to an account or group; creates the ACL when it is missing. */
export function GrantDialog({
  isOpen,
  onClose,
  ...form
}: Omit<GrantProps, 'onDone'> & { isOpen: boolean; onClose: () => void }) {
  return (
    <Dialog title={`Grant a permission to ${principalName(form.principal)}`} isOpen={isOpen} onClose={onClose}>
      <GrantForm {...form} onDone={onClose} />
    </Dialog>
  );
}
