import { useQuery } from '@tanstack/react-query';
import { memo, useState, type ComponentType } from 'react';
import { isApiError } from '@/api/errors.ts';
import { secretQueries, type SealStatus } from '@/api/secrets.ts';
import { deferred } from '@/ui/deferred.tsx';
import { ChevronDownIcon, LockIcon, UnlockIcon, type IconProps } from '@/ui/icons.tsx';
import { NO_INTENT, standInTriggerProps, type IntentSetter, type MenuIntent } from '@/ui/use-stand-in-menu.ts';

/** How the chip shows a seal state (or a failure to read it): its words, icon and colour class. */
export function chipLook(status: SealStatus | undefined): {
  label: string;
  Icon: ComponentType<IconProps>;
  tone: string;
} {
  if (status === undefined) return { label: 'Seal status unknown', Icon: LockIcon, tone: 'is-unknown' };
  return status.sealed
    ? { label: 'Sealed', Icon: LockIcon, tone: 'is-sealed' }
    : { label: 'Unsealed', Icon: UnlockIcon, tone: 'is-unsealed' };
}

export interface SealMenuProps {
  /** Open at once (the stand-in chip was pressed before the menu's code arrived). */
  defaultOpen?: boolean;
  /** Take the focus once mounted (it was on the stand-in chip). */
  takeFocus?: boolean;
}

interface ChipProps extends SealMenuProps {
  status: SealStatus | undefined;
  onIntent: IntentSetter;
}

/**
 * The chip until the menu's code (React Aria's menu and the seal and unseal dialogs, not part of the Secrets page's
 * first load) has arrived: the same button, named the same. Pressed meanwhile, the menu opens as soon as it is there.
 */
function ChipButton({ status, onIntent }: ChipProps) {
  const { label, Icon, tone } = chipLook(status);
  return (
    <button
      type="button"
      className={`seal-chip ${tone}`}
      aria-label={`Secret store: ${label}`}
      {...standInTriggerProps(onIntent)}
    >
      <Icon />
      {label}
      <ChevronDownIcon size={12} />
    </button>
  );
}

const DeferredSealMenu = deferred<ChipProps>(async () => (await import('./seal-menu.tsx')).SealMenu, {
  fallback: ChipButton,
  needNow: (p) => p.defaultOpen === true,
});

/**
 * The store's seal state as a chip in the Secrets page's header, its actions in the chip's menu (seal-menu.tsx). An
 * account the cluster keeps the seal status from sees no chip. Memoized (it takes no props): the page renders again on
 * every keystroke in its search box, and React Aria's menu trigger under it would render with it (the bench's secrets
 * keystroke went over its 50 ms budget).
 */
export const SealChip = memo(function SealChip() {
  const status = useQuery(secretQueries.sealStatus());
  const [intent, setIntent] = useState<MenuIntent>(NO_INTENT);
  if (status.isPending) return null;
  if (status.isError && isApiError(status.error, 'forbidden')) return null;
  return (
    <DeferredSealMenu status={status.data} defaultOpen={intent.open} takeFocus={intent.focus} onIntent={setIntent} />
  );
});
