import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { createSecret, secretPathSchema, secretQueries, secretSizeProblem, type SecretInput } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { useToast } from '@/ui/toast.tsx';
import { SealedStoreNotice, useStoreSealed } from './sealed-store.tsx';
import { SecretValueFields } from './secret-value-form.tsx';
import { Field } from '@/ui/field.tsx';

/** "spark, production ,, spark" → ["spark", "production"]: trimmed, no empty ones, each once, in the order typed. */
export function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((label) => label.trim())
        .filter((label) => label !== ''),
    ),
  ];
}

export function SecretCreatePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [params] = useSearchParams();
  const folder = params.get('path') ?? '';
  const [path, setPath] = useState(folder ? `${folder}/` : '');
  const [pathError, setPathError] = useState<string | null>(null);
  const [input, setInput] = useState<SecretInput | null>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [labelsText, setLabelsText] = useState('');
  const [isFile, setIsFile] = useState(false);
  const create = useMutation({
    mutationFn: ({ target, value }: { target: string; value: SecretInput }) => createSecret(target, value),
    onSuccess: async (_d, { target }) => {
      toast.show(`Created secret ${target}.`);
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
      await navigate(secretPaths.view(target));
    },
  });
  const conflict = isApiError(create.error, 'conflict');
  // The form stays as typed while sealed; only sending waits for the unseal.
  const { sealed } = useStoreSealed();

  return (
    <>
      <title>Create secret · DC/OS Security Console</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={secretPaths.list({ folder })}>Secrets</Link> / <span aria-current="page">New secret</span>
      </nav>
      <h1>Create secret</h1>
      {sealed && <SealedStoreNotice what="create secrets" />}
      <form
        className="card"
        aria-label="Create secret"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = secretPathSchema.safeParse(path);
          setPathError(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid path.'));
          const problem = input ? secretSizeProblem(input) : 'Enter a value or choose a file.';
          setValueError(problem);
          if (parsed.success && input && !problem && !create.isPending && !sealed) {
            create.mutate({
              target: parsed.data,
              value:
                input.kind === 'text'
                  ? { ...input, description: description.trim(), labels: parseLabels(labelsText) }
                  : input,
            });
          }
        }}
      >
        <ErrorAlert message={conflict ? 'A secret already exists at this path.' : create.error?.message}>
          {conflict && (
            <p>
              <Link to={secretPaths.view(path.trim())}>Open {path.trim()}</Link> or choose another path.
            </p>
          )}
        </ErrorAlert>
        <Field
          label="Path"
          hint="Segments of letters, digits, - and _, separated by /. The path decides which services may read it."
          error={pathError ? { message: pathError } : undefined}
        >
          {(props) => (
            <input
              {...props}
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setPathError(null);
              }}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <SecretValueFields
          onChange={(next) => {
            setInput(next);
            // Only the file kind emits null (no file chosen yet).
            setIsFile(next === null || next.kind === 'file');
            setValueError(null);
          }}
          error={valueError}
        />
        <fieldset
          className="field secret-meta"
          disabled={isFile}
          aria-describedby={isFile ? 'secret-meta-file' : undefined}
        >
          <legend>About this secret (optional)</legend>
          {isFile && (
            <p className="muted" id="secret-meta-file">
              A file secret is stored as raw bytes: the secret store keeps no description or labels with it.
            </p>
          )}
          <Field label="Description">
            {(props) => (
              <input
                {...props}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label="Labels" hint="Separated by commas, for example: spark, production.">
            {(props) => (
              <input
                {...props}
                value={labelsText}
                onChange={(e) => setLabelsText(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        </fieldset>
        <div className="dialog-actions form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending || sealed}>
            {create.isPending ? 'Creating…' : 'Create secret'}
          </button>
          <Link className="btn" to={secretPaths.list({ folder })}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
