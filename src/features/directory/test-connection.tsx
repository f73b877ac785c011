import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { testLdapConnection } from '@/api/ldap.ts';
import { ErrorAlert } from '@/ui/alert.tsx';

/**
 * Tests the stored configuration with a directory account: the IAM connects, finds the user and binds as them, and
 * answers with a code and a description (200 when every step passed, 502 with the failing step).
 */
export function TestConnection() {
  const id = useId();
  const [uid, setUid] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const test = useMutation({ mutationFn: testLdapConnection });
  const result = test.data;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Test connection</h2>
      <p className="muted">
        Signs in to the directory as one of its users, the way a sign-in would, with the stored configuration (save
        changes first). Use an account other than the lookup account.
      </p>
      <form
        aria-label="Test connection"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setMissing(uid.trim() === '' || password === '');
          if (uid.trim() !== '' && password !== '' && !test.isPending) test.mutate({ uid: uid.trim(), password });
        }}
      >
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-uid`}>Directory username</label>
            <input
              id={`${id}-uid`}
              value={uid}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setUid(e.target.value)}
              aria-invalid={missing && uid.trim() === '' ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              autoComplete="off"
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={missing && password === '' ? true : undefined}
            />
          </div>
        </div>
        {missing && (
          <p className="field-error" role="alert">
            Enter a directory username and its password.
          </p>
        )}
        <button type="submit" className="btn" disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
      </form>
      <div aria-live="polite">
        {result && (
          <div
            className={result.passed ? 'notice' : 'alert alert-error'}
            role={result.passed ? 'status' : 'alert'}
            style={{ marginTop: '1rem' }}
          >
            <p className="alert-title">{result.passed ? 'Test passed' : 'Test failed'}</p>
            <p>
              <span className="mono">{result.code}</span>: {result.description}
            </p>
          </div>
        )}
      </div>
      <ErrorAlert message={test.error ? `The test could not run: ${test.error.message}` : undefined} />
    </section>
  );
}
