import { memo, useState } from 'react';
import {
  Button,
  Header,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  Separator,
  type Selection,
} from 'react-aria-components';
import { useSignOut } from '@/features/auth/use-sign-out.ts';
import { ChevronDownIcon, UserIcon } from '@/ui/icons.tsx';
import { sessionLabel, type SessionInfo } from '@/lib/session.ts';
import { applyThemeChoice, readThemeChoice, THEME_CHOICES, type ThemeChoice } from '@/ui/theme.ts';
import { CONSOLE_VERSION } from '@/lib/version.ts';
import { useStandInMenu } from '@/ui/use-stand-in-menu.ts';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' };

export interface UserMenuProps {
  session: SessionInfo;
  /** Open at once (the account button was pressed before this code arrived; see account-menu.tsx). */
  defaultOpen?: boolean;
  /** Take the focus once mounted (it was on the stand-in button). */
  takeFocus?: boolean;
}

/**
 * The account menu. `useSignOut` holds the router's navigate, which renders its holder again at each step of every
 * navigation; it stays in this thin part, and the menu itself (React Aria's trigger, popover and menu) is memoized
 * on what it shows, so a navigation does not render it again (issue 9).
 */
export function UserMenu(props: UserMenuProps) {
  const signOut = useSignOut();
  const error = signOut.isError ? signOut.error.message : null;
  return <MenuView {...props} signOut={signOut.mutate} signingOut={signOut.isPending} error={error} />;
}

interface MenuViewProps extends UserMenuProps {
  /** Stable (TanStack Query keeps `mutate` for the observer's lifetime). */
  signOut: () => void;
  signingOut: boolean;
  error: string | null;
}

// Memoized apart from the router hook its sign-out holds: React Aria's menu trigger was the largest item of a return.
const MenuView = memo(function MenuView({
  session,
  defaultOpen = false,
  takeFocus = false,
  signOut,
  signingOut,
  error,
}: MenuViewProps) {
  const { button, open, setOpen } = useStandInMenu({ defaultOpen, takeFocus });
  const [theme, setTheme] = useState<ThemeChoice>(readThemeChoice);

  const onThemeChange = (selection: Selection) => {
    const [choice] = selection === 'all' ? [] : [...selection];
    if (choice === 'system' || choice === 'light' || choice === 'dark') {
      setTheme(choice);
      applyThemeChoice(choice);
    }
  };

  return (
    <>
      {error !== null && (
        <p role="alert" className="field-error">
          Sign-out failed: {error}
        </p>
      )}
      <MenuTrigger isOpen={open} onOpenChange={setOpen}>
        <Button ref={button} className="btn account-button" aria-label={`Account: ${sessionLabel(session)}`}>
          <UserIcon />
          <span className="account-name" aria-hidden="true">
            {sessionLabel(session)}
          </span>
          <ChevronDownIcon size={14} />
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu className="menu" aria-label="Account">
            <MenuSection>
              <Header className="menu-header">Signed in as {session.uid}</Header>
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuSection
              selectionMode="single"
              selectedKeys={[theme]}
              onSelectionChange={onThemeChange}
              disallowEmptySelection
            >
              <Header className="menu-header">Theme</Header>
              {THEME_CHOICES.map((choice) => (
                <MenuItem key={choice} id={choice} className="menu-item" textValue={THEME_LABELS[choice]}>
                  {({ isSelected }) => (
                    <>
                      <span className="menu-check" aria-hidden="true">
                        {isSelected ? '✓' : ''}
                      </span>
                      {THEME_LABELS[choice]}
                    </>
                  )}
                </MenuItem>
              ))}
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuSection>
              <Header className="menu-header menu-version">
                Console {CONSOLE_VERSION.version} ({CONSOLE_VERSION.commit})
              </Header>
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuSection>
              <MenuItem
                id="sign-out"
                className="menu-item"
                onAction={() => {
                  signOut();
                }}
                isDisabled={signingOut}
              >
                <span className="menu-check" aria-hidden="true" />
                {signingOut ? 'Signing out…' : 'Sign out'}
              </MenuItem>
            </MenuSection>
          </Menu>
        </Popover>
      </MenuTrigger>
    </>
  );
});
