import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  deleteSecret,
  secretPathSchema,
  secretQueries,
  secretSizeProblem,
  updateSecret,
  type SecretInput,
} from '@/api/secrets.ts';
import { permissionPaths, secretPaths } from '@/lib/paths.ts';
import { secretRid } from '@/lib/rid.ts';
import { describeSpace } from '@/lib/spaces.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { useToast } from '@/ui/toast.tsx';
import { SealedStoreNotice, useStoreSealed } from './sealed-store.tsx';
import { SecretValueFields } from './secret-value-form.tsx';
import { useSecretAccess } from './use-own-access.ts';
import { fileName, ValuePanel } from './value-panel.tsx';

const SPACE_EXAMPLES = [
  ['group/secret', '/marathon-user/service', 'No'],
  ['group/secret', '/group/hdfs/service', 'Yes'],
  ['group/hdfs/secret', '/group/spark/service', 'No'],
  ['hdfs/secret', '/hdfs', 'Yes'],
] as const;

/** The new value; it clears once saved (the value above stays masked, so the new one must not stay readable here). */
function EditValue({ path, sealed, waiting }: { path: string; sealed: boolean; waiting: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [input, setInput] = useState<SecretInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new generation of the fields after each save: an empty text box, the kind back to Text, no file chosen.
  const [generation, setGeneration] = useState(0);
  const save = useMutation({
    mutationFn: (next: SecretInput) => updateSecret(path, next),
    onSuccess: async () => {
      toast.show(`Saved a new value for ${path}.`);
      setError(null);
      setInput(null);
      setGeneration((g) => g + 1);
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <form
      aria-labelledby="edit-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (sealed || waiting) return;
        if (!input) {
          setError('Enter a value or choose a file.');
          return;
        }
        const tooBig = secretSizeProblem(input);
        if (tooBig) {
          setError(tooBig);
          return;
        }
        if (!save.isPending) save.mutate(input);
      }}
    >
      <h2 id="edit-heading">Replace the value</h2>
      <SecretValueFields
        key={generation}
        onChange={(next) => {
          setInput(next);
          setError(null);
        }}
        error={error}
      />
      {sealed && (
        <p className="muted" id="replace-sealed">
          The secret store is sealed: saving waits until it is unsealed. What you type here is kept.
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending || sealed || waiting}
        aria-describedby={sealed ? 'replace-sealed' : undefined}
      >
        {save.isPending ? 'Saving…' : 'Save new value'}
      </button>
    </form>
  );
}

export function SecretDetailPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const path = (useParams()['*'] ?? '').split('/').map(decodeURIComponent).join('/');
  const [deleting, setDeleting] = useState(false);
  const valid = secretPathSchema.safeParse(path).success;
  const { sealed, known } = useStoreSealed();
  const waiting = !known;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const access = useSecretAccess(path);
  const deleteRefused = access.delete === false;

  return (
    <>
      <title>{`${path} · Secrets · DC/OS Security Console`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={secretPaths.list()}>Secrets</Link>
        {folder && (
          <>
            {' / '}
            <Link to={secretPaths.list({ folder })}>{folder}</Link>
          </>
        )}{' '}
        / <span aria-current="page">{fileName(path)}</span>
      </nav>
      <div className="page-head">
        <h1 className="mono">{path}</h1>
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => setDeleting(true)}
            disabled={!valid || deleteRefused || sealed}
            aria-describedby={deleteRefused ? 'delete-refused' : sealed ? 'delete-sealed' : undefined}
          >
            Delete secret
          </button>
        </div>
      </div>
      {valid && deleteRefused && (
        <MissingPermission id="delete-refused" what="Deleting this secret" rid={secretRid(path)} action="delete" />
      )}
      {!valid ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">“{path}” is not a valid secret path.</p>
        </div>
      ) : (
        <div className="stack">
          {/* While sealed the store refuses reads and writes: the actions wait and say why, with the unseal form here. */}
          {sealed && <SealedStoreNotice what="read or change this secret" />}
          {sealed && !deleteRefused && (
            <p className="visually-hidden" id="delete-sealed">
              The secret store is sealed: nothing can be deleted until it is unsealed.
            </p>
          )}
          {/* Keyed by path: opening another secret from this page must not carry a Reveal over to it. */}
          <ValuePanel key={path} path={path} mayRead={access.read} sealed={sealed} waiting={waiting} />
          <section className="card">
            {/* Keyed by path: a value typed for one secret must never be offered for saving into another. */}
            {access.update === false ? (
              <>
                <h2>Replace the value</h2>
                <MissingPermission what="Replacing the value" rid={secretRid(path)} action="update" />
              </>
            ) : (
              <EditValue key={path} path={path} sealed={sealed} waiting={waiting} />
            )}
          </section>
          <section className="card" aria-labelledby="spaces-heading">
            <h2 id="spaces-heading">Who may read it</h2>
            <p>{describeSpace(path)}</p>
            <p>
              <Link to={permissionPaths.who({ rid: secretRid(path), action: 'read' })}>Who can read this secret?</Link>{' '}
              <span className="muted">Every account the IAM lets read it, and why.</span>
            </p>
            <details className="spaces-help">
              <summary>How DC/OS spaces work</summary>
              <table className="simple-table">
                <caption className="muted">Examples from the DC/OS documentation</caption>
                <thead>
                  <tr>
                    <th scope="col">Secret</th>
                    <th scope="col">Service</th>
                    <th scope="col">Can the service read it?</th>
                  </tr>
                </thead>
                <tbody>
                  {SPACE_EXAMPLES.map(([secret, service, can]) => (
                    <tr key={`${secret}${service}`}>
                      <td className="mono">{secret}</td>
                      <td className="mono">{service}</td>
                      <td>{can}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </div>
      )}
      <ConfirmDialog
        title={`Delete secret ${path}?`}
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        confirmLabel="Delete secret"
        onConfirm={async () => {
          await deleteSecret(path);
          toast.show(`Deleted secret ${path}.`);
          await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
          await navigate(secretPaths.list({ folder }), { replace: true });
        }}
      >
        <p>Services that read {path} will fail to start. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
