import { useState } from 'react';
import { ChevronDownIcon, UserIcon } from '@/ui/icons.tsx';
import { sessionLabel } from '@/lib/session.ts';
import { deferred } from '@/ui/deferred.tsx';
import type { UserMenuProps } from './user-menu.tsx';
import { NO_INTENT, standInTriggerProps, type IntentSetter, type MenuIntent } from '@/ui/use-stand-in-menu.ts';

interface AccountMenuProps extends UserMenuProps {
  onIntent: IntentSetter;
}

/**
 * The account button until the menu's code (React Aria's menu and popover) has arrived, a moment after the page has
 * painted: the same button, named the same. Pressed meanwhile, the menu opens as soon as it is there; focused, the
 * focus moves to the real button.
 */
function AccountButton({ session, onIntent }: AccountMenuProps) {
  return (
    <button
      type="button"
      className="btn account-button"
      aria-label={`Account: ${sessionLabel(session)}`}
      {...standInTriggerProps(onIntent)}
    >
      <UserIcon />
      <span className="account-name" aria-hidden="true">
        {sessionLabel(session)}
      </span>
      <ChevronDownIcon size={14} />
    </button>
  );
}

const DeferredUserMenu = deferred<AccountMenuProps>(async () => (await import('./user-menu.tsx')).UserMenu, {
  fallback: AccountButton,
  needNow: () => true,
});

/** Fetches the menu's code now (tests, which render the console as it is once loaded). */
export const preloadAccountMenu = DeferredUserMenu.preload;

/** The signed-in account's menu (theme, sign-out) in the header; its code is not part of the page's first load. */
export function AccountMenu({ session }: Pick<UserMenuProps, 'session'>) {
  const [intent, setIntent] = useState<MenuIntent>(NO_INTENT);
  return <DeferredUserMenu session={session} defaultOpen={intent.open} takeFocus={intent.focus} onIntent={setIntent} />;
}
