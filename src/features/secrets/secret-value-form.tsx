import { useId, useState } from 'react';
import { formatBytes, type SecretInput } from '@/api/secrets.ts';

/** The value of a secret: multi-line text, or a file of any bytes. */
export function SecretValueFields({
  onChange,
  error,
}: {
  onChange: (input: SecretInput | null) => void;
  error: string | null;
}) {
  const id = useId();
  const [kind, setKind] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const emit = (k: 'text' | 'file', t: string, f: File | null) =>
    onChange(k === 'text' ? { kind: 'text', value: t } : f ? { kind: 'file', file: f } : null);
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
