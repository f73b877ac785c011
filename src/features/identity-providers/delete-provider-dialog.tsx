import { useQueryClient } from '@tanstack/react-query';
import { deleteProvider, providerQueries, type ProviderSummary } from '@/api/providers.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { useProviderMutation } from './use-provider-mutation.ts';

const PROTOCOL = { oidc: 'OpenID Connect', saml: 'SAML 2.0' } as const;

/** Confirms before a provider goes: its sign-in button disappears and its people cannot sign in with it any more. */
export function DeleteProviderDialog({
  provider,
  onClose,
  onDeleted,
}: {
  provider: ProviderSummary | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const queryClient = useQueryClient();
  const remove = useProviderMutation(
    async (p: ProviderSummary) => {
      await deleteProvider(p.kind, p.id);
      // Its own page is about to be left: do not ask the cluster for the provider just deleted.
      queryClient.removeQueries({ queryKey: [...providerQueries.all(), p.kind, p.id] });
    },
    (p) => `Deleted the provider ${p.id}.`,
  );
  return (
    <ConfirmDialog
      isOpen={provider !== null}
      title={`Delete provider ${provider?.id ?? ''}?`}
      confirmLabel="Delete provider"
      onClose={onClose}
      onConfirm={async () => {
        if (!provider) return;
        await remove.mutateAsync(provider);
        onDeleted?.();
      }}
    >
      <p>
        The sign-in page stops offering “Sign in with {provider?.description}” (
        {provider ? PROTOCOL[provider.kind] : ''}). Accounts it brought in stay, with their groups and permissions, but
        cannot sign in until a provider with the same ID is configured again.
      </p>
    </ConfirmDialog>
  );
}
