import { useId, useState } from 'react';
import { MAX_SECRET_BYTES, secretInputSize, type SecretInput } from '@/api/secrets.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** Over 1 MB is refused here, before anything is uploaded. */
export function sizeProblem(input: SecretInput): string | null {
  const size = secretInputSize(input);
  return size > MAX_SECRET_BYTES
    ? `This secret is ${formatBytes(size)}; the secret store takes at most ${MAX_SECRET_BYTES.toLocaleString('en')} bytes (1 MiB less 1 KiB of metadata).`
    : null;
}

/** The value of a secret: multi-line text, or a file of any bytes. */
export function SecretValueFields({ onChange, error }: { onChange: (input: SecretInput | null) => void; error: string | null }) {
  const id = useId();
  const [kind, setKind] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const emit = (k: 'text' | 'file', t: string, f: File | null) => onChange(k === 'text' ? { kind: 'text', value: t } : f ? { kind: 'file', file: f } : null);
  return (
    <>
      <fieldset className="field">
        <legend>Kind</legend>
        {(['text', 'file'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                emit(k, text, file);
              }}
            />{' '}
            {k === 'text' ? 'Text' : 'File (any bytes)'}
          </label>
        ))}
      </fieldset>
      {kind === 'text' ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>Value</label>
          <textarea
            id={`${id}-text`}
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              emit('text', e.target.value, file);
            }}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            id={`${id}-file`}
            type="file"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              emit('file', text, chosen);
            }}
          />
          {file && <p className="muted">{`${file.name}, ${formatBytes(file.size)}`}</p>}
        </div>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
