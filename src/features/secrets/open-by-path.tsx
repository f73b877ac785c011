import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { secretPathSchema } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';

const KINDS = {
  secret: {
    heading: 'Open a secret by path',
    label: 'Secret path',
    placeholder: 'group/app/password',
    button: 'Open secret',
    to: (path: string) => secretPaths.view(path),
  },
  folder: {
    heading: 'Open a folder you may list',
    label: 'Folder path',
    placeholder: 'group/app',
    button: 'Open folder',
    to: (path: string) => secretPaths.list({ folder: path }),
  },
} as const;

/** When listing the store is not allowed, a secret can still be opened by its exact path, or a folder listed. */
export function OpenByPath({ kind = 'secret' }: { kind?: keyof typeof KINDS }) {
  const id = useId();
  const navigate = useNavigate();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { heading, label, placeholder, button, to } = KINDS[kind];
  return (
    <form
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = secretPathSchema.safeParse(path);
        if (!parsed.success) setError(parsed.error.issues[0]?.message ?? 'Invalid path.');
        else void navigate(to(parsed.data));
      }}
    >
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="field">
        <label htmlFor={`${id}-path`}>{label}</label>
        <input
          id={`${id}-path`}
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-primary">
        {button}
      </button>
    </form>
  );
}
