import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { createServiceAccount, uidSchema } from '@/api/users.ts';
import { orgPaths } from '@/lib/paths.ts';
import { Dialog } from '@/ui/dialog.tsx';
import { Field } from '@/ui/field.tsx';
import { applyServerError } from '../shared/server-errors.ts';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { PrivateKeyDialog } from './private-key-dialog.tsx';
import { ErrorAlert, FormActions } from '@/ui/alert.tsx';

const schema = z.object({
  uid: uidSchema.check(
    z.refine(
      (uid) => !uid.startsWith('dcos_'),
      'The dcos_ prefix is reserved for the accounts DC/OS provisions for its own components.',
    ),
  ),
  description: z.string().check(z.trim()),
  keySource: z.enum(['generate', 'paste']),
  publicKey: z.string(),
});
type Values = z.infer<typeof schema>;

/** Why Generate is off: browsers expose `crypto.subtle` only in secure contexts (HTTPS, or localhost). */
const NO_WEB_CRYPTO =
  'Generating needs Web Crypto, which this browser offers only on HTTPS pages (and localhost). Open the console over HTTPS to generate a key pair here.';

/** Creates a service account with a key generated here (the private key is shown once) or a pasted public key. */
export function CreateServiceAccountDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [created, setCreated] = useState<{ uid: string; privateKeyPem: string } | null>(null);
  // Read once per render: a page cannot become a secure context without a reload.
  const noWebCrypto = !(globalThis.crypto as Crypto | undefined)?.subtle;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { uid: '', description: '', keySource: noWebCrypto ? 'paste' : 'generate', publicKey: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const keySource = useWatch({ control: form.control, name: 'keySource' });
  const create = useOrgMutation(createServiceAccount, (a) => `Created service account ${a.uid}.`);

  const onSubmit = form.handleSubmit(async (values) => {
    let publicKey: string;
    let privateKeyPem: string | null = null;
    try {
      const keys = await import('@/lib/rsa-keys.ts');
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
    } catch (error) {
      // WebCrypto refused (no secure context, a policy, a browser bug) or the key module failed to load: nothing was
      // sent, the form keeps every value, and the reason sits at the key choice.
      // A DOMException from another realm is not `instanceof Error`, but has a message all the same.
      const reason =
        typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
      form.setError('keySource', { type: 'crypto', message: `Could not make the key: ${reason}` });
      return;
    }
    try {
      await create.mutateAsync({ uid: values.uid, description: values.description, publicKey });
    } catch (error) {
      applyServerError(error, form.setError, {
        ERR_USER_EXISTS: 'uid',
        ERR_INVALID_USER_ID: 'uid',
        ERR_INVALID_PUBLIC_KEY: 'publicKey',
        ERR_INVALID_DATA: 'description',
      });
      return;
    }
    form.reset();
    if (privateKeyPem) {
      setCreated({ uid: values.uid, privateKeyPem });
    } else {
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
      <PrivateKeyDialog
        key={created.uid}
        uid={created.uid}
        privateKeyPem={created.privateKeyPem}
        isOpen={isOpen}
        onFinish={finish}
      />
    );
  }

  return (
    <Dialog title="Create service account" isOpen={isOpen} onClose={onClose} isDismissable={!isSubmitting}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Create service account">
        <ErrorAlert message={errors.root?.server?.message} />
        <Field label="Service account ID" error={errors.uid} hint="Letters, digits and - _ @ . (at most 96).">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('uid')} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => <input {...props} autoComplete="off" {...form.register('description')} />}
        </Field>
        <fieldset
          className="field"
          aria-describedby={
            [noWebCrypto ? 'sa-key-hint' : '', errors.keySource ? 'sa-key-error' : ''].filter(Boolean).join(' ') ||
            undefined
          }
        >
          <legend>Key pair</legend>
          <label>
            <input type="radio" value="generate" disabled={noWebCrypto} {...form.register('keySource')} /> Generate in
            this browser (RSA 2048)
          </label>
          <label>
            <input type="radio" value="paste" {...form.register('keySource')} /> Paste a public key
          </label>
          {noWebCrypto && (
            <p className="muted" id="sa-key-hint">
              {NO_WEB_CRYPTO}
            </p>
          )}
          {errors.keySource && (
            <p className="field-error" id="sa-key-error" role="alert">
              {errors.keySource.message}
            </p>
          )}
        </fieldset>
        {keySource === 'paste' && (
          <Field
            label="Public key (PEM)"
            error={errors.publicKey}
            hint="-----BEGIN PUBLIC KEY----- … (never paste a private key)."
          >
            {(props) => <textarea {...props} spellCheck={false} {...form.register('publicKey')} />}
          </Field>
        )}
        <FormActions
          onCancel={onClose}
          pending={isSubmitting}
          label="Create service account"
          pendingLabel="Creating…"
        />
      </form>
    </Dialog>
  );
}
