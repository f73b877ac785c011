import { useId, useState, type SyntheticEvent } from 'react';
import { grantPermission, type Principal } from '@/api/acls.ts';
import { describeErrorWithHint } from '@/api/errors.ts';
import { parsePermissionLines, type PermissionLine } from '@/lib/permission-lines.ts';
import { matchRid, type CatalogEntry } from '@/lib/rid.ts';
import { BulkPanel } from '@/ui/bulk-panel.tsx';
import { useBulkRun } from '@/ui/use-bulk-run.ts';
import { CatalogNotice } from './catalog-notice.tsx';
import { useRefreshPermissions } from './use-permission-change.ts';

const EXAMPLE = 'dcos:adminrouter:service:marathon full\ndcos:service:marathon:marathon:services:/dev read,update';

const lineKey = (line: PermissionLine) => `Line ${line.line}: ${line.text}`;

/** The DC/OS "insert permission string" form: one `rid action[,action…]` per line, checked first, then applied line by line. */
export function BulkGrant({
  principal,
  catalog,
  catalogError,
  onClose,
}: {
  principal: Principal;
  catalog: readonly CatalogEntry[];
  catalogError: Error | null;
  onClose: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<PermissionLine[] | null>(null);
  const refresh = useRefreshPermissions();
  const bulk = useBulkRun(refresh, describeErrorWithHint);
  const invalid = checked?.filter((l) => l.error !== null) ?? [];
  const valid = checked?.filter((l) => l.error === null) ?? [];

  const apply = (lines: readonly PermissionLine[]) => {
    const byKey = new Map(lines.map((l) => [lineKey(l), l]));
    bulk.start(`Granting ${lines.length} line${lines.length === 1 ? '' : 's'}`, [...byKey.keys()], async (key) => {
      const line = byKey.get(key);
      if (line) await grantPermission(principal, line.rid, line.actions, matchDescription(catalog, line.rid));
    });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const lines = parsePermissionLines(text, catalog);
    setChecked(lines);
    if (lines.length > 0 && lines.every((l) => l.error === null)) apply(lines);
  };

  if (bulk.snapshot) {
    return (
      <BulkPanel
        title={bulk.title}
        snapshot={bulk.snapshot}
        onRetry={bulk.retryFailed}
        onCancel={bulk.cancel}
        onClose={() => {
          bulk.close();
          onClose();
        }}
      />
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add permissions from text</h2>
      <CatalogNotice
        error={catalogError}
        consequence="lines are checked for their form only, not for the actions each resource supports."
      />
      <div className="field">
        <label htmlFor={`${id}-lines`}>Permission lines</label>
        <textarea
          id={`${id}-lines`}
          className="mono"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setChecked(null);
          }}
          placeholder={EXAMPLE}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
        />
        <p className="muted" id={`${id}-hint`}>
          One permission per line: the resource ID, a space, then actions separated by commas. Lines starting with # are
          ignored.
        </p>
      </div>
      {checked?.length === 0 && <p className="field-error">Enter at least one line.</p>}
      {invalid.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">
            {invalid.length} of {checked?.length} line{checked?.length === 1 ? '' : 's'} cannot be applied
          </p>
          <ul>
            {invalid.map((line) => (
              <li key={line.line}>
                Line {line.line} (<span className="mono">{line.text}</span>): {line.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        {invalid.length > 0 && valid.length > 0 && (
          <button type="button" className="btn" onClick={() => apply(valid)}>
            Apply only the {valid.length} valid line{valid.length === 1 ? '' : 's'}
          </button>
        )}
        <button type="submit" className="btn btn-primary">
          Check and apply
        </button>
      </div>
    </form>
  );
}

function matchDescription(catalog: readonly CatalogEntry[], rid: string): string {
  return matchRid(catalog, rid)?.entry.description ?? '';
}
