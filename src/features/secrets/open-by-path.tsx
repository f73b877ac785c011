import { useState } from 'react';
import { useNavigate } from 'react-router';
import { secretPathSchema } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';

/** When listing is not allowed, a secret can still be opened by its exact path. */
export function OpenByPath() {
  const navigate = useNavigate();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-labelledby="open-by-path-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = secretPathSchema.safeParse(path);
        if (!parsed.success) setError(parsed.error.issues[0]?.message ?? 'Invalid path.');
        else void navigate(secretPaths.view(parsed.data));
      }}
    >
      <h2 id="open-by-path-heading">Open a secret by path</h2>
      <div className="field">
        <label htmlFor="open-path">Secret path</label>
        <input
          id="open-path"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-path-error' : undefined}
          placeholder="group/app/password"
          autoComplete="off"
          spellCheck={false}
        />
        {error && (
          <p className="field-error" id="open-path-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-primary">
        Open
      </button>
    </form>
  );
}
