import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { saveSamlProvider } from '@/api/providers.ts';
import { checkSamlMetadata } from '@/lib/saml-metadata.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { Field } from '@/ui/field.tsx';
import { SAML_ERROR_FIELDS, samlFormSchema, toSamlInput, type SamlFormValues } from './provider-schemas.ts';
import { applyProviderError } from './server-errors.ts';
import { ProviderFormActions, ProviderIdentityFields } from './provider-form-parts.tsx';
import { useProviderMutation } from './use-provider-mutation.ts';
import { readText } from '@/lib/read-text.ts';

/** Metadata files are a few KiB; anything this large is not one. */
const MAX_METADATA_BYTES = 1024 * 1024;

export function SamlForm({
  mode,
  initial,
  onSaved,
}: {
  mode: 'create' | 'update';
  initial: SamlFormValues;
  onSaved: (id: string) => void;
}) {
  const fileId = useId();
  const form = useForm<SamlFormValues>({ resolver: zodResolver(samlFormSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const metadata = useWatch({ control: form.control, name: 'idpMetadata' });
  // Parsing the metadata XML is not free: once per change of it, not per keystroke elsewhere in the form.
  const check = useMemo(() => (metadata.trim() === '' ? null : checkSamlMetadata(metadata)), [metadata]);
  const save = useProviderMutation(
    (values: SamlFormValues) => saveSamlProvider(values.id, toSamlInput(values), mode),
    (values) =>
      mode === 'create' ? `Created the SAML provider ${values.id}.` : `Saved the SAML provider ${values.id}.`,
  );

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      form.reset(values);
      onSaved(values.id);
    } catch (error) {
      applyProviderError(error, form.setError, SAML_ERROR_FIELDS, 'id');
    }
  });

  const loadFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_METADATA_BYTES) {
      setFileProblem(`${file.name} is ${Math.round(file.size / 1024)} KiB: too large to be IdP metadata.`);
      return;
    }
    try {
      form.setValue('idpMetadata', await readText(file), { shouldDirty: true, shouldValidate: true });
    } catch (error) {
      setFileProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : 'unknown error'}.`);
    }
  };

  return (
    <form
      className="card"
      aria-label={mode === 'create' ? 'New SAML provider' : 'SAML provider settings'}
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
      <Field
        label="IdP metadata (XML)"
        error={errors.idpMetadata}
        hint="Paste the identity provider’s metadata document, or load it from a file below. It is checked here before it is sent."
      >
        {(props) => (
          <textarea {...props} spellCheck={false} autoComplete="off" rows={10} {...form.register('idpMetadata')} />
        )}
      </Field>
      <p role="status" className="muted" style={{ marginTop: '-0.5rem' }}>
        {check?.ok ? `Entity ID found: ${check.entityId}` : ''}
      </p>
      <div className="field">
        <label htmlFor={fileId}>Load the metadata from a file</label>
        <input
          id={fileId}
          type="file"
          accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
          aria-describedby={fileProblem ? `${fileId}-error` : undefined}
          onChange={(e) => void loadFile(e.target.files?.[0])}
        />
        {fileProblem && (
          <p className="field-error" id={`${fileId}-error`}>
            {fileProblem}
          </p>
        )}
      </div>
      <Field
        label="SP base URL"
        error={errors.spBaseUrl}
        hint="The cluster URL people use; the ACS callback and SP metadata URLs are built from it."
      >
        {(props) => (
          <input {...props} type="url" autoComplete="off" spellCheck={false} {...form.register('spBaseUrl')} />
        )}
      </Field>
      <ProviderFormActions mode={mode} isSubmitting={isSubmitting} />
    </form>
  );
}
