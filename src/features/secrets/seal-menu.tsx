import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { secretQueries, sealStore } from '@/api/secrets.ts';
import { ConfirmDialog, Dialog } from '@/ui/dialog.tsx';
import { ChevronDownIcon } from '@/ui/icons.tsx';
import { useToast } from '@/ui/toast.tsx';
import { useStandInMenu } from '@/ui/use-stand-in-menu.ts';
import { chipLook, type SealMenuProps } from './seal-chip.tsx';
import { SEALED_MEANING } from './seal-panel.tsx';
import { UnsealForm } from './unseal-form.tsx';
import { useIsSuperuser } from './use-own-access.ts';

const shares = (n: number) => `${n} key share${n === 1 ? '' : 's'}`;

/**
 * The seal chip's menu (loaded once the Secrets page has painted, seal-chip.tsx): a superuser seals the store (after a
 * confirmation) or unseals it (a dialog taking the key shares one at a time); anyone can ask for the state again.
 * While sealed, the page body also holds the unseal form (sealed-store.tsx): there is nothing else to do then.
 */
export function SealMenu({ defaultOpen = false, takeFocus = false }: SealMenuProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const status = useQuery(secretQueries.sealStatus());
  const superuser = useIsSuperuser();
  const [open, setOpen] = useState<'seal' | 'unseal' | null>(null);
  const { button, open: menuOpen, setOpen: setMenuOpen } = useStandInMenu({ defaultOpen, takeFocus });
  const s = status.data;
  const { label, Icon, tone } = chipLook(s);

  return (
    <>
      <MenuTrigger isOpen={menuOpen} onOpenChange={setMenuOpen}>
        <Button ref={button} className={`seal-chip ${tone}`} aria-label={`Secret store: ${label}`}>
          <Icon />
          {label}
          <ChevronDownIcon size={12} />
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu
            className="menu"
            aria-label="Secret store"
            onAction={(key) => {
              if (key === 'refresh') void status.refetch();
              if (key === 'seal') setOpen('seal');
              if (key === 'unseal') setOpen('unseal');
            }}
          >
            <MenuSection>
              <Header className="menu-header seal-menu-state">
                {s === undefined
                  ? `Could not read the seal status: ${status.error?.message ?? 'no answer'}`
                  : s.sealed
                    ? `Sealed. ${shares(s.progress)} of ${s.threshold} entered.`
                    : `Unsealed: secrets can be read and written. Unsealing needs ${shares(s.threshold)} of ${s.shares}.`}
              </Header>
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuSection>
              {superuser && s?.sealed === false && (
                <MenuItem id="seal" className="menu-item">
                  Seal the store…
                </MenuItem>
              )}
              {superuser && s?.sealed === true && (
                <MenuItem id="unseal" className="menu-item">
                  Unseal…
                </MenuItem>
              )}
              <MenuItem id="refresh" className="menu-item">
                {s === undefined ? 'Try again' : 'Check the state again'}
              </MenuItem>
            </MenuSection>
            {!superuser && s !== undefined && (
              <MenuSection>
                <Header className="menu-header">Only a superuser can seal or unseal the store.</Header>
              </MenuSection>
            )}
          </Menu>
        </Popover>
      </MenuTrigger>
      {s && (
        <ConfirmDialog
          title="Seal the secret store?"
          isOpen={open === 'seal'}
          onClose={() => setOpen(null)}
          confirmLabel="Seal the store"
          onConfirm={async () => {
            await sealStore();
            await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
            toast.show('Sealed the secret store.');
          }}
        >
          <p>{SEALED_MEANING}</p>
          <p>Unsealing needs {shares(s.threshold)}.</p>
        </ConfirmDialog>
      )}
      {s && (
        // Closes by itself once the store is unsealed, whoever unsealed it.
        <Dialog title="Unseal the secret store" isOpen={open === 'unseal' && s.sealed} onClose={() => setOpen(null)}>
          <UnsealForm
            status={s}
            onUnsealed={() => {
              setOpen(null);
              toast.show('Unsealed the secret store.');
            }}
          />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
