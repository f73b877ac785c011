import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { ldapQueries, saveLdapConfig } from '@/api/ldap.ts';
import { fieldForMessage } from '@/lib/field-errors.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { Field } from '@/ui/field.tsx';
import { useToast } from '@/ui/toast.tsx';
import { BIND_MODES, Choices, TRANSPORTS } from './ldap-choices.tsx';
import { LDAP_ERROR_FIELDS, ldapFormSchema, toLdapInput, type LdapFormValues } from './ldap-form-schema.ts';

/** The one LDAP configuration form: save replaces what is stored; the form keeps its values when the IAM refuses. */
export function LdapForm({
  initial,
  hasStoredPassword,
  exists,
}: {
  initial: LdapFormValues;
  hasStoredPassword: boolean;
  exists: boolean;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm<LdapFormValues>({
    resolver: zodResolver(ldapFormSchema(hasStoredPassword)),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const bindMode = useWatch({ control: form.control, name: 'bindMode' });
  const save = useMutation({
    mutationFn: (values: LdapFormValues) => saveLdapConfig(toLdapInput(values)),
    onSuccess: async () => {
      toast.show('Saved the LDAP configuration. Test it with a directory account below.');
      await queryClient.invalidateQueries({ queryKey: ldapQueries.all() });
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      form.reset({ ...values, lookupPassword: '' });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The configuration could not be saved.';
      form.setError(fieldForMessage(message, LDAP_ERROR_FIELDS) ?? 'root.server', { type: 'server', message });
    }
  });

  return (
    <form className="card" aria-label="LDAP configuration" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h2>{exists ? 'Configuration' : 'New configuration'}</h2>
      <ErrorAlert message={errors.root?.server?.message} />
      <div className="grid-2">
        <Field label="Host" error={errors.host} hint="The directory server, e.g. ldap.example.com.">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('host')} />}
        </Field>
        <Field label="Port" error={errors.port}>
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" {...form.register('port')} />}
        </Field>
      </div>
      <Choices legend="Transport security" options={TRANSPORTS} register={form.register('transport')} />
      <Choices legend="How a user is found" options={BIND_MODES} register={form.register('bindMode')} />
      {bindMode === 'template' ? (
        <Field
          label="DN template"
          error={errors.dnTemplate}
          hint="Must contain %(username)s, e.g. uid=%(username)s,ou=users,dc=example,dc=com."
        >
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('dnTemplate')} />}
        </Field>
      ) : (
        <>
          <div className="grid-2">
            <Field
              label="Lookup DN"
              error={errors.lookupDn}
              hint="The account that searches; leave empty for an anonymous search."
            >
              {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('lookupDn')} />}
            </Field>
            <Field
              label="Lookup password"
              error={errors.lookupPassword}
              hint={
                hasStoredPassword
                  ? 'A password is stored and never shown. Leave blank to keep it.'
                  : 'Needed with a lookup DN.'
              }
            >
              {(props) => (
                <input {...props} type="password" autoComplete="new-password" {...form.register('lookupPassword')} />
              )}
            </Field>
          </div>
          <div className="grid-2">
            <Field label="User search base" error={errors.userSearchBase} hint="e.g. ou=users,dc=example,dc=com">
              {(props) => (
                <input {...props} autoComplete="off" spellCheck={false} {...form.register('userSearchBase')} />
              )}
            </Field>
            <Field
              label="User search filter template"
              error={errors.userFilter}
              hint="Must contain %(username)s, e.g. (uid=%(username)s)."
            >
              {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('userFilter')} />}
            </Field>
          </div>
        </>
      )}
      <fieldset className="field">
        <legend>Group import (optional)</legend>
        <div className="grid-2">
          <Field label="Group search base" error={errors.groupSearchBase} hint="Leave empty to turn group import off.">
            {(props) => (
              <input {...props} autoComplete="off" spellCheck={false} {...form.register('groupSearchBase')} />
            )}
          </Field>
          <Field
            label="Group search filter template"
            error={errors.groupFilter}
            hint="Must contain %(groupname)s, e.g. (cn=%(groupname)s)."
          >
            {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('groupFilter')} />}
          </Field>
        </div>
        <Field
          label="Member attributes"
          error={errors.memberAttributes}
          hint="Comma-separated, e.g. member, uniqueMember, memberUid."
        >
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('memberAttributes')} />}
        </Field>
      </fieldset>
      <Field
        label="CA certificates (PEM, optional)"
        error={errors.caCerts}
        hint="To verify the server’s certificate when a private authority signed it."
      >
        {(props) => <textarea {...props} spellCheck={false} autoComplete="off" {...form.register('caCerts')} />}
      </Field>
      <Field
        label="Client certificate (PEM, optional)"
        error={errors.clientCert}
        hint="Only for servers that require clients to present a certificate."
      >
        {(props) => <textarea {...props} spellCheck={false} autoComplete="off" {...form.register('clientCert')} />}
      </Field>
      <div className="dialog-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save configuration'}
        </button>
      </div>
    </form>
  );
}
