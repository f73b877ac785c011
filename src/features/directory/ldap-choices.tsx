import type { UseFormRegisterReturn } from 'react-hook-form';

// The LDAP form's two exclusive choices. StartTLS and LDAPS are one choice here, though the wire has a flag for each.

export const TRANSPORTS = [
  { value: 'starttls', label: 'StartTLS: upgrade the connection, and refuse a server that cannot (usually port 389)' },
  { value: 'ldaps', label: 'LDAPS: TLS from the first byte (usually port 636)' },
  { value: 'none', label: 'None: passwords cross the network unencrypted (not recommended)' },
] as const;

export const BIND_MODES = [
  { value: 'search', label: 'Search for the user (with a lookup account, or anonymously)' },
  { value: 'template', label: 'Bind directly with a DN built from a template' },
] as const;

/** A radio group registered with react-hook-form: a fieldset whose legend names the choice. */
export function Choices({
  legend,
  options,
  register,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  register: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="radio" value={option.value} {...register} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}
