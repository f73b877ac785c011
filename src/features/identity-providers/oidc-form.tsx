import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { saveOidcProvider } from '@/api/providers.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { Field } from '@/ui/field.tsx';
import { OIDC_ERROR_FIELDS, oidcFormSchema, toOidcInput, type OidcFormValues } from './provider-schemas.ts';
import { applyProviderError } from './server-errors.ts';
import { ProviderFormActions, ProviderIdentityFields } from './provider-form-parts.tsx';
import { useProviderMutation } from './use-provider-mutation.ts';

interface OidcFormProps {
  mode: 'create' | 'update';
  initial: OidcFormValues;
  /** Whether a client secret is stored (update only): a blank field then keeps it. */
  hasClientSecret?: boolean;
  onSaved: (id: string) => void;
}

export function OidcForm({ mode, initial, hasClientSecret = false, onSaved }: OidcFormProps) {
  const form = useForm<OidcFormValues>({ resolver: zodResolver(oidcFormSchema(mode)), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const save = useProviderMutation(
    (values: OidcFormValues) => saveOidcProvider(values.id, toOidcInput(values), mode),
    (values) =>
      mode === 'create' ? `Created the OIDC provider ${values.id}.` : `Saved the OIDC provider ${values.id}.`,
  );

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      // The secret field never keeps what was typed once it is stored.
      form.reset({ ...values, clientSecret: '' });
      onSaved(values.id);
    } catch (error) {
      applyProviderError(error, form.setError, OIDC_ERROR_FIELDS, 'id');
    }
  });

  const secretHint =
    mode === 'create'
      ? 'Issued by the identity provider with the client ID. It is never shown again.'
      : hasClientSecret
        ? 'A secret is stored and is never shown. Leave this blank to keep it, or enter a new one.'
        : 'Leave this blank to keep the stored value, or enter a new one.';

  return (
    <form
      className="card"
      aria-label={mode === 'create' ? 'New OIDC provider' : 'OIDC provider settings'}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <ErrorAlert message={errors.root?.server?.message} />
      <ProviderIdentityFields
        mode={mode}
        id={form.register('id')}
        description={form.register('description')}
        errors={errors}
      />
      <Field label="Issuer" error={errors.issuer} hint="The provider’s https URL, e.g. https://accounts.google.com.">
        {(props) => <input {...props} type="url" autoComplete="off" spellCheck={false} {...form.register('issuer')} />}
      </Field>
      <Field
        label="Base URL"
        error={errors.baseUrl}
        hint="The cluster URL people use. Register <base URL>/acs/api/v1/auth/oidc/callback as the redirect URI."
      >
        {(props) => <input {...props} type="url" autoComplete="off" spellCheck={false} {...form.register('baseUrl')} />}
      </Field>
      <Field label="Client ID" error={errors.clientId}>
        {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('clientId')} />}
      </Field>
      <Field label="Client secret" error={errors.clientSecret} hint={secretHint}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...form.register('clientSecret')} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" {...form.register('verifyServerCertificate')} /> Verify the provider’s TLS certificate
        </label>
      </div>
      <Field
        label="CA certificates (PEM, optional)"
        error={errors.caCerts}
        hint="Only needed when the provider’s certificate is not signed by a public authority."
      >
        {(props) => <textarea {...props} spellCheck={false} autoComplete="off" {...form.register('caCerts')} />}
      </Field>
      <ProviderFormActions mode={mode} isSubmitting={isSubmitting} />
    </form>
  );
}
