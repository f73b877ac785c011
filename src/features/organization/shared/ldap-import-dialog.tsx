import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { groupQueries } from '@/api/groups.ts';
import { importLdapGroup, importLdapUser } from '@/api/ldap.ts';
import { userQueries } from '@/api/users.ts';
import { orgPaths, settingsPaths } from '@/lib/paths.ts';
import { ErrorAlert, FormActions } from '@/ui/alert.tsx';
import { Dialog } from '@/ui/dialog.tsx';
import { useToast } from '@/ui/toast.tsx';

type Kind = 'user' | 'group';

const TEXT = {
  user: {
    title: 'Import a user from LDAP',
    label: 'Directory username',
    hint: 'The name the person signs in with, as the directory knows it.',
  },
  group: {
    title: 'Import a group from LDAP',
    label: 'Directory group name',
    hint: 'The group is created here with the members the directory lists.',
  },
} as const;

/** What the IAM's refusal means here: a problem with the name (shown at the field) or with the directory. */
function describe(error: unknown, kind: Kind, name: string): { field?: string; alert?: string; noDirectory?: boolean } {
  const code = isApiError(error) ? error.code : undefined;
  const message = error instanceof Error ? error.message : 'The import failed.';
  switch (code) {
    case 'ERR_LDAP_IMPORT_USER_NOT_FOUND':
    case 'ERR_LDAP_IMPORT_GROUP_NOT_FOUND':
      return { field: `The directory has no ${kind} “${name}”.` };
    case 'ERR_USER_EXISTS':
    case 'ERR_GROUP_EXISTS':
      return { field: `A ${kind} “${name}” already exists here.` };
    case 'ERR_INVALID_USER_ID':
    case 'ERR_INVALID_GROUP_ID':
      return { field: message };
    case 'ERR_LDAP_IMPORT_SEARCH_FAILED':
      return { alert: `Searching the directory failed. ${message}` };
    case 'ERR_LDAP_CONFIG_NOT_AVAILABLE':
      return { alert: 'No directory is configured.', noDirectory: true };
    default:
      return { alert: message };
  }
}

export function LdapImportDialog({ kind, isOpen, onClose }: { kind: Kind; isOpen: boolean; onClose: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(false);
  const [partial, setPartial] = useState<{ name: string; count: number } | null>(null);
  const text = TEXT[kind];
  const importIt = useMutation({
    mutationFn: async (target: string) =>
      kind === 'user' ? (await importLdapUser(target), { complete: true as const }) : importLdapGroup(target),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.all() }),
        queryClient.invalidateQueries({ queryKey: groupQueries.all() }),
      ]),
  });
  const failure = importIt.isError ? describe(importIt.error, kind, importIt.variables) : null;

  const close = () => {
    setName('');
    setEmpty(false);
    setPartial(null);
    importIt.reset();
    onClose();
  };
  const submit = async () => {
    const target = name.trim();
    setEmpty(target === '');
    setPartial(null);
    if (target === '' || importIt.isPending) return;
    try {
      const result = await importIt.mutateAsync(target);
      if (!result.complete) {
        setPartial({ name: target, count: result.importedUserCount });
        return;
      }
      toast.show(
        kind === 'user'
          ? `Imported ${target} from the directory.`
          : `Imported the group ${target} with all its members.`,
      );
      close();
      await navigate(kind === 'user' ? orgPaths.user(target) : orgPaths.group(target, 'users'));
    } catch {
      // Shown in the dialog from the mutation's error; the name stays for correcting.
    }
  };

  const fieldError = empty ? `Enter a ${kind === 'user' ? 'username' : 'group name'}.` : failure?.field;
  return (
    <Dialog title={text.title} isOpen={isOpen} onClose={close} isDismissable={!importIt.isPending}>
      <form
        aria-label={text.title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorAlert message={failure?.alert}>
          {failure?.noDirectory && (
            <p>
              <Link to={settingsPaths.directory()}>Configure the directory</Link> first.
            </p>
          )}
        </ErrorAlert>
        {partial && (
          <div className="notice" role="status">
            <p>
              Imported the group {partial.name} with {partial.count} {partial.count === 1 ? 'member' : 'members'}; the
              directory lists others that could not be imported (an existing account of another kind with the same ID,
              or a member entry the directory does not have).{' '}
              <Link to={orgPaths.group(partial.name, 'users')} onClick={close}>
                Open {partial.name}
              </Link>
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>{text.label}</label>
          <input
            id={`${id}-name`}
            value={name}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-hint ${id}-error` : `${id}-hint`}
          />
          <p className="muted" id={`${id}-hint`} style={{ margin: 0, fontSize: '0.875rem' }}>
            {text.hint}
          </p>
          {fieldError && (
            <p className="field-error" id={`${id}-error`}>
              {fieldError}
            </p>
          )}
        </div>
        <FormActions onCancel={close} pending={importIt.isPending} label="Import" pendingLabel="Importing…" />
      </form>
    </Dialog>
  );
}
