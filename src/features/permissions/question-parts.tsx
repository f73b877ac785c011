import { Link } from 'react-router';
import { describeReason, type Reason } from '@/lib/access-check.ts';
import { orgPaths } from '@/lib/paths.ts';
import type { Action } from '@/lib/rid.ts';

// The parts Check access and the access review share: the action field of a question and the list of reasons.

const ACTION_CHOICES: readonly Action[] = ['read', 'create', 'update', 'delete', 'full'];

/** The actions a question may ask about a resource: the ones its catalog entry names, or all of them. */
export function actionChoices(catalogActions: readonly string[]): readonly Action[] {
  return catalogActions.length > 0 ? ACTION_CHOICES.filter((a) => catalogActions.includes(a)) : ACTION_CHOICES;
}

/** The action a form submits: the chosen one when it is offered, else the first offered. */
export function chosenAction(actions: readonly Action[], action: string): Action | undefined {
  return actions.find((a) => a === action) ?? actions[0];
}

/** The "Action" field: a select of `actions`, with `problem` (an action the URL named that is none) at the field. */
export function ActionSelect({
  id,
  actions,
  value,
  onChange,
  problem,
}: {
  id: string;
  actions: readonly Action[];
  value: string;
  onChange: (action: string) => void;
  problem?: string | null;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>Action</label>
      <select
        id={id}
        value={chosenAction(actions, value) ?? ''}
        onChange={(e) => onChange(e.target.value)}
        {...(problem ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      >
        {actions.map((a) => (
          <option key={a} value={a}>
            {a === 'full' ? 'full (every action)' : a}
          </option>
        ))}
      </select>
      {problem && (
        <p className="field-error" id={errorId}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** Every reason, as Check access words it, with "Open group G" after a grant held through a group. */
export function ReasonList({ reasons, ordered = false }: { reasons: readonly Reason[]; ordered?: boolean }) {
  const items = reasons.map((reason, i) => (
    <li key={i}>
      {describeReason(reason)}
      {reason.source.kind === 'group' && (
        <>
          {' '}
          <Link to={orgPaths.group(reason.source.gid, 'permissions')}>Open group {reason.source.gid}</Link>
        </>
      )}
    </li>
  ));
  return ordered ? <ol className="reasons">{items}</ol> : <ul className="reasons">{items}</ul>;
}
