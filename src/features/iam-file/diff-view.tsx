import { useState } from 'react';
import { NEEDS_LABELS } from './apply.ts';
import { KIND_LABELS, runnable, type Change, type Step, type StepKind } from './plan.ts';

const CHANGE_LABELS: Record<Change, string> = { add: 'Added', remove: 'Removed', change: 'Changed' };
const CHANGE_ORDER: readonly Change[] = ['add', 'remove', 'change'];
/** Rows shown per kind before “Show all”: a restore onto an empty cluster may list ten thousand users. */
const PAGE = 200;

export const KIND_ORDER: readonly StepKind[] = [
  'user',
  'serviceAccount',
  'group',
  'membership',
  'acl',
  'grant',
  'oidc',
  'saml',
  'ldap',
  'secret',
];

export interface DiffViewProps {
  steps: readonly Step[];
  selected: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
  secrets: ReadonlyMap<string, string>;
  onSecret: (key: string, value: string) => void;
  /** Steps that take away the last superuser's access, when the selection would. */
  blocking: ReadonlySet<string>;
  disabled: boolean;
}

/** The difference, grouped by kind and then by added, removed, changed; each step with its box to tick. */
export function DiffView({ steps, selected, onToggle, secrets, onSecret, blocking, disabled }: DiffViewProps) {
  const byKind = KIND_ORDER.map((kind) => ({ kind, steps: steps.filter((s) => s.kind === kind) })).filter(
    (g) => g.steps.length > 0,
  );
  return (
    <div className="stack">
      {byKind.map(({ kind, steps: kindSteps }) => (
        <KindSection
          key={kind}
          kind={kind}
          steps={kindSteps}
          selected={selected}
          onToggle={onToggle}
          secrets={secrets}
          onSecret={onSecret}
          blocking={blocking}
          disabled={disabled}
        />
      ))}
    </div>
  );
}

function KindSection({ kind, steps, ...rest }: Omit<DiffViewProps, 'steps'> & { kind: StepKind; steps: Step[] }) {
  const [all, setAll] = useState(false);
  const counts = CHANGE_ORDER.map((c) => [c, steps.filter((s) => s.change === c).length] as const).filter(
    ([, n]) => n > 0,
  );
  const ordered = CHANGE_ORDER.flatMap((c) => steps.filter((s) => s.change === c));
  const shown = all ? ordered : ordered.slice(0, PAGE);
  const headingId = `diff-${kind}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {KIND_LABELS[kind]}{' '}
        <span className="muted">({counts.map(([c, n]) => `${n} ${CHANGE_LABELS[c].toLowerCase()}`).join(', ')})</span>
      </h3>
      <ul className="plain-list iam-diff" aria-label={KIND_LABELS[kind]}>
        {shown.map((step) => (
          <StepRow key={step.key} step={step} {...rest} />
        ))}
      </ul>
      {shown.length < ordered.length && (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
          Show all {ordered.length}
        </button>
      )}
    </section>
  );
}

function StepRow({
  step,
  selected,
  onToggle,
  secrets,
  onSecret,
  blocking,
  disabled,
}: Omit<DiffViewProps, 'steps'> & { step: Step }) {
  const id = `step-${step.key.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
  const can = runnable(step);
  const ticked = can && selected.has(step.key);
  const notes = [
    ...step.sensitive.map((reason) => `Sensitive: ${reason}.`),
    ...(blocking.has(step.key)
      ? ['Takes superuser access away: with the other ticked changes, none would be left.']
      : []),
    ...(step.unsupported ? [`Not applied: ${step.unsupported}`] : []),
  ];
  return (
    <li className={`iam-step iam-${step.change}`}>
      <div className="field-inline">
        <input
          type="checkbox"
          id={id}
          checked={ticked}
          disabled={!can || disabled}
          onChange={(e) => onToggle(step.key, e.target.checked)}
          {...(notes.length > 0 || step.detail ? { 'aria-describedby': `${id}-notes` } : {})}
        />
        <label htmlFor={id}>
          <span className={`badge iam-badge-${step.change}`}>{CHANGE_LABELS[step.change]}</span>{' '}
          <span className="mono">{step.label}</span>
        </label>
      </div>
      {(notes.length > 0 || step.detail) && (
        <div id={`${id}-notes`} className="iam-step-notes">
          {step.detail && <p className="muted">{step.detail}</p>}
          {notes.map((note) => (
            <p
              key={note}
              className={note.startsWith('Sensitive') || note.startsWith('Takes') ? 'field-error' : 'muted'}
            >
              {note}
            </p>
          ))}
        </div>
      )}
      {ticked && step.needs && (
        <div className="field">
          <label htmlFor={`${id}-secret`}>
            {NEEDS_LABELS[step.needs]} for {step.label.replace(/^(Add|Change) /, '')}
          </label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="new-password"
            value={secrets.get(step.key) ?? ''}
            disabled={disabled}
            onChange={(e) => onSecret(step.key, e.target.value)}
            aria-describedby={`${id}-secret-hint`}
          />
          <p className="muted field-hint" id={`${id}-secret-hint`}>
            The file cannot carry it. Left empty, this change is skipped and listed as such.
          </p>
        </div>
      )}
    </li>
  );
}
