import { useState } from 'react';
import { createSecret, secretPathSchema, serviceAccountSecret } from '@/api/secrets.ts';
import { downloadText } from '@/lib/download.ts';
import { CopyButton } from '@/ui/copy-button.tsx';
import { Dialog } from '@/ui/dialog.tsx';

/**
 * Shows a private key generated in this browser, once: copy, download, or store it as a secret for the service. It is
 * never dismissable by Escape or a click outside, so the key is not lost by accident.
 */
export function PrivateKeyDialog({
  uid,
  privateKeyPem,
  isOpen,
  onFinish,
}: {
  uid: string;
  privateKeyPem: string;
  isOpen: boolean;
  onFinish: () => void;
}) {
  const [secretPath, setSecretPath] = useState(`${uid}/private-key`);
  const [stored, setStored] = useState<{ ok: boolean; message: string } | null>(null);

  const storeAsSecret = async () => {
    const parsed = secretPathSchema.safeParse(secretPath);
    if (!parsed.success) {
      setStored({ ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid path.' });
      return;
    }
    try {
      await createSecret(parsed.data, { kind: 'text', value: serviceAccountSecret(uid, privateKeyPem) });
      setStored({ ok: true, message: `Stored as secret ${parsed.data}.` });
    } catch (error) {
      // The key stays on screen and downloadable: nothing is lost when storing fails.
      setStored({
        ok: false,
        message: `Could not store the secret: ${error instanceof Error ? error.message : 'unknown error'}`,
      });
    }
  };

  return (
    <Dialog title={`Private key of ${uid}`} isOpen={isOpen} onClose={onFinish} isDismissable={false}>
      <div className="notice" role="alert">
        <p>
          <strong>Save this private key now: it cannot be shown again.</strong> It was generated in this browser and has
          not been sent anywhere. Whoever holds it can sign in as {uid}.
        </p>
      </div>
      <label htmlFor="private-key" className="visually-hidden">
        Private key
      </label>
      <textarea id="private-key" className="mono" readOnly rows={8} value={privateKeyPem} style={{ width: '100%' }} />
      <form
        className="stack"
        aria-label="Store as a secret"
        onSubmit={(event) => {
          event.preventDefault();
          void storeAsSecret();
        }}
      >
        <div className="field">
          <label htmlFor="sa-secret-path">Store it as a secret at</label>
          <input
            id="sa-secret-path"
            value={secretPath}
            onChange={(e) => setSecretPath(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {stored && (
          <p className={stored.ok ? 'muted' : 'field-error'} role={stored.ok ? 'status' : 'alert'}>
            {stored.message}
          </p>
        )}
        <button type="submit" className="btn" disabled={stored?.ok === true}>
          Store as secret (DC/OS service-account format)
        </button>
      </form>
      <div className="dialog-actions">
        <CopyButton text={privateKeyPem} label="Copy the private key" />
        <button
          type="button"
          className="btn"
          onClick={() => downloadText(`${uid}-private-key.pem`, privateKeyPem, 'application/x-pem-file')}
        >
          Download {uid}-private-key.pem
        </button>
        <button type="button" className="btn btn-primary" onClick={onFinish}>
          I have saved it
        </button>
      </div>
    </Dialog>
  );
}
