import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { createSecret, secretPathSchema, serviceAccountSecret } from '@/api/secrets.ts';
import { createServiceAccount, uidSchema } from '@/api/users.ts';
import { downloadText } from '@/lib/download.ts';
import { orgPaths } from '@/lib/paths.ts';
import { CopyButton } from '@/ui/copy-button.tsx';
import { Dialog } from '@/ui/dialog.tsx';
import { FormField } from '../shared/form-field.tsx';
import { applyServerError } from '../shared/server-errors.ts';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { ErrorAlert, FormActions } from '@/ui/alert.tsx';

const schema = z.object({
  uid: uidSchema.refine((uid) => !uid.startsWith('dcos_'), 'The dcos_ prefix is reserved for the accounts DC/OS provisions for its own components.'),
  description: z.string().trim(),
  keySource: z.enum(['generate', 'paste']),
  publicKey: z.string(),
});
type Values = z.infer<typeof schema>;

/** Creates a service account with a key generated here (the private key is shown once) or a pasted public key. */
export function CreateServiceAccountDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [created, setCreated] = useState<{ uid: string; privateKeyPem: string } | null>(null);
  const [secretPath, setSecretPath] = useState('');
  const [stored, setStored] = useState<{ ok: boolean; message: string } | null>(null);

  const storeAsSecret = async () => {
    if (!created) return;
    const parsed = secretPathSchema.safeParse(secretPath);
    if (!parsed.success) {
      setStored({ ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid path.' });
      return;
    }
    try {
      await createSecret(parsed.data, { kind: 'text', value: serviceAccountSecret(created.uid, created.privateKeyPem) });
      setStored({ ok: true, message: `Stored as secret ${parsed.data}.` });
    } catch (error) {
      // The key stays on screen and downloadable: nothing is lost when storing fails.
      setStored({ ok: false, message: `Could not store the secret: ${error instanceof Error ? error.message : 'unknown error'}` });
    }
  };
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { uid: '', description: '', keySource: 'generate', publicKey: '' } });
  const { errors, isSubmitting } = form.formState;
  const keySource = useWatch({ control: form.control, name: 'keySource' });
  const create = useOrgMutation(createServiceAccount, (a) => `Created service account ${a.uid}.`);

  const onSubmit = form.handleSubmit(async (values) => {
    const keys = await import('@/lib/rsa-keys.ts');
    let publicKey: string;
    let privateKeyPem: string | null = null;
    if (values.keySource === 'paste') {
      const check = await keys.checkRsaPublicKeyPem(values.publicKey);
      if (!check.ok) {
        form.setError('publicKey', { type: 'validate', message: check.reason });
        return;
      }
      publicKey = check.pem;
    } else {
      const pair = await keys.generateServiceAccountKeyPair();
      publicKey = pair.publicKeyPem;
      privateKeyPem = pair.privateKeyPem;
    }
    try {
      await create.mutateAsync({ uid: values.uid, description: values.description, publicKey });
    } catch (error) {
      applyServerError(error, form.setError, { ERR_USER_EXISTS: 'uid', ERR_INVALID_USER_ID: 'uid', ERR_INVALID_PUBLIC_KEY: 'publicKey', ERR_INVALID_DATA: 'description' });
      return;
    }
    form.reset();
    if (privateKeyPem) {
      setCreated({ uid: values.uid, privateKeyPem });
      setSecretPath(`${values.uid}/private-key`);
      setStored(null);
    }
    else {
      onClose();
      await navigate(orgPaths.serviceAccount(values.uid));
    }
  });

  const finish = () => {
    const uid = created?.uid;
    setCreated(null);
    onClose();
    if (uid) void navigate(orgPaths.serviceAccount(uid));
  };

  if (created) {
    return (
      <Dialog title={`Private key of ${created.uid}`} isOpen={isOpen} onClose={finish} isDismissable={false}>
        <div className="notice" role="alert">
          <p>
            <strong>Save this private key now: it cannot be shown again.</strong> It was generated in this browser and has not
            been sent anywhere. Whoever holds it can sign in as {created.uid}.
          </p>
        </div>
        <label htmlFor="private-key" className="visually-hidden">
          Private key
        </label>
        <textarea id="private-key" className="mono" readOnly rows={8} value={created.privateKeyPem} style={{ width: '100%' }} />
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
            <input id="sa-secret-path" value={secretPath} onChange={(e) => setSecretPath(e.target.value)} autoComplete="off" spellCheck={false} />
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
          <CopyButton text={created.privateKeyPem} label="Copy the private key" />
          <button type="button" className="btn" onClick={() => downloadText(`${created.uid}-private-key.pem`, created.privateKeyPem, 'application/x-pem-file')}>
            Download {created.uid}-private-key.pem
          </button>
          <button type="button" className="btn btn-primary" onClick={finish}>
            I have saved it
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Create service account" isOpen={isOpen} onClose={onClose} isDismissable={!isSubmitting}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Create service account">
        <ErrorAlert message={errors.root?.server?.message} />
        <FormField label="Service account ID" error={errors.uid} hint="Letters, digits and - _ @ . (at most 96).">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('uid')} />}
        </FormField>
        <FormField label="Description" error={errors.description}>
          {(props) => <input {...props} autoComplete="off" {...form.register('description')} />}
        </FormField>
        <fieldset className="field">
          <legend>Key pair</legend>
          <label>
            <input type="radio" value="generate" {...form.register('keySource')} /> Generate in this browser (RSA 2048)
          </label>
          <label>
            <input type="radio" value="paste" {...form.register('keySource')} /> Paste a public key
          </label>
        </fieldset>
        {keySource === 'paste' && (
          <FormField label="Public key (PEM)" error={errors.publicKey} hint="-----BEGIN PUBLIC KEY----- … (never paste a private key).">
            {(props) => <textarea {...props} spellCheck={false} {...form.register('publicKey')} />}
          </FormField>
        )}
        <FormActions onCancel={onClose} pending={isSubmitting} label="Create service account" pendingLabel="Creating…" />
      </form>
    </Dialog>
  );
}
