import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchSecretValue, formatBytes, secretQueries } from '@/api/secrets.ts';
import { downloadBlob } from '@/lib/download.ts';
import { secretRid } from '@/lib/rid.ts';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { useToast } from '@/ui/toast.tsx';
import { SEALED_REASON } from './sealed-store.tsx';

export function fileName(path: string) {
  return path.split('/').pop() ?? 'secret';
}

interface ValuePanelProps {
  path: string;
  mayRead?: boolean | undefined;
  /** The store is sealed: it would answer every read with 503, so Reveal, Copy and Download wait, saying why. */
  sealed?: boolean | undefined;
  /** The seal state is not known yet (the first moment of a load): the actions wait without a reason. */
  waiting?: boolean | undefined;
}

/** The value, masked and not fetched until Reveal; Copy and Download fetch it without showing it. */
export function ValuePanel({ path, mayRead, sealed = false, waiting = false }: ValuePanelProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [revealed, setRevealed] = useState(false);
  const value = useQuery({ ...secretQueries.value(path), enabled: revealed });
  const hide = () => {
    setRevealed(false);
    queryClient.removeQueries({ queryKey: secretQueries.value(path).queryKey });
  };
  // Leaving the page forgets the value too.
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: secretQueries.value(path).queryKey }),
    [queryClient, path],
  );
  const copy = useMutation({
    mutationFn: async () => {
      const secret = await fetchSecretValue(path);
      if (secret.kind === 'file') throw new Error('This is a file secret: download it instead.');
      await navigator.clipboard.writeText(secret.value);
    },
    onSuccess: () => toast.show('Copied the value to the clipboard.'),
  });
  const download = useMutation({
    mutationFn: async () => {
      const secret = await fetchSecretValue(path);
      downloadBlob(
        fileName(path),
        secret.kind === 'file'
          ? new Blob([secret.bytes], { type: 'application/octet-stream' })
          : new Blob([secret.value], { type: 'text/plain' }),
      );
    },
  });
  // The store's own words for a failure (a 503 from a store sealed meanwhile included) stay shown.
  const failure = value.error ?? copy.error ?? download.error;
  const refused = mayRead === false;
  const blocked = refused || sealed || waiting;
  const reason = refused ? 'value-refused' : sealed ? 'value-sealed' : undefined;
  return (
    <section className="card" aria-labelledby="value-heading">
      <h2 id="value-heading">Value</h2>
      {!revealed || value.isPending ? (
        <>
          <p className="mono" aria-label="Masked value">
            {revealed ? 'Fetching…' : '••••••••••••'}
          </p>
          {/* The store gives kind, size, description and labels only with the value (docs/decisions/005). */}
          <p className="muted" id="value-withheld">
            Kind (text or file), size, description and labels come with Reveal: the secret store sends them only
            together with the value.
          </p>
        </>
      ) : value.isSuccess ? (
        value.data.kind === 'text' ? (
          <>
            <pre className="mono" aria-label="Secret value">
              {value.data.value}
            </pre>
            <dl className="props secret-props">
              <dt>Kind</dt>
              <dd>Text, {formatBytes(value.data.size)}</dd>
              {value.data.description && (
                <>
                  <dt>Description</dt>
                  <dd>{value.data.description}</dd>
                </>
              )}
              {value.data.labels && value.data.labels.length > 0 && (
                <>
                  <dt>Labels</dt>
                  <dd>
                    <ul className="chips" aria-label="Labels">
                      {value.data.labels.map((label) => (
                        <li key={label} className="chip">
                          {label}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {value.data.author && (
                <>
                  <dt>Author</dt>
                  <dd>{value.data.author}</dd>
                </>
              )}
            </dl>
          </>
        ) : (
          <p>File secret, {formatBytes(value.data.size)}: download it to see its bytes.</p>
        )
      ) : null}
      {failure && (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      )}
      {refused && <MissingPermission id="value-refused" what="Reading the value" rid={secretRid(path)} action="read" />}
      {!refused && sealed && (
        <p className="muted" id="value-sealed">
          {SEALED_REASON}
        </p>
      )}
      <div className="dialog-actions value-actions">
        {revealed ? (
          <button type="button" className="btn" onClick={hide}>
            Hide
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setRevealed(true)}
            disabled={blocked}
            aria-describedby={reason ?? 'value-withheld'}
          >
            Reveal
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => copy.mutate()}
          disabled={copy.isPending || blocked}
          aria-describedby={reason}
        >
          Copy
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => download.mutate()}
          disabled={download.isPending || blocked}
          aria-describedby={reason}
        >
          Download
        </button>
      </div>
    </section>
  );
}
