import { memo } from 'react';
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
import { ChevronDownIcon } from './icons.tsx';
import { setDensity, useDensity } from './list-density.ts';
import { useStandInMenu } from './use-stand-in-menu.ts';

export interface ListMenuProps {
  /** Exports the rows in view; without it the menu has no export. Keep its identity (the menu is memoized). */
  onExport?: (() => void) | undefined;
  /** How many rows an export would write: read only while the menu is open, so typing does not render the menu. */
  exportCount?: (() => number) | undefined;
  /** Open at once (the stand-in button was pressed before this code arrived; see list-parts.tsx). */
  defaultOpen?: boolean;
  /** Take the focus once mounted (it was on the stand-in button). */
  takeFocus?: boolean;
}

/** A list's options: row density (remembered) and, where the list has one, the CSV export of the rows in view. */
export const ListMenu = memo(function ListMenu({
  onExport,
  exportCount,
  defaultOpen = false,
  takeFocus = false,
}: ListMenuProps) {
  const { button, open, setOpen } = useStandInMenu({ defaultOpen, takeFocus });
  const density = useDensity();
  const onDensityChange = (selection: Selection) =>
    setDensity(selection !== 'all' && selection.has('compact') ? 'compact' : 'comfortable');
  const count = open && exportCount ? exportCount() : 0;
  const rowsLabel = `${count} row${count === 1 ? '' : 's'}`;
  return (
    <MenuTrigger isOpen={open} onOpenChange={setOpen}>
      <Button ref={button} className="btn list-options">
        Options
        <ChevronDownIcon />
      </Button>
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu">
          <MenuSection
            selectionMode="multiple"
            selectedKeys={density === 'compact' ? ['compact'] : []}
            onSelectionChange={onDensityChange}
          >
            <Header className="menu-header">Display</Header>
            <MenuItem id="compact" className="menu-item" textValue="Compact rows">
              {({ isSelected }) => (
                <>
                  <span className="menu-check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  Compact rows
                </>
              )}
            </MenuItem>
          </MenuSection>
          {onExport && (
            <>
              <Separator className="menu-separator" />
              <MenuSection>
                <Header className="menu-header">Export</Header>
                <MenuItem
                  id="export"
                  className="menu-item"
                  onAction={onExport}
                  isDisabled={count === 0}
                  textValue={`Export CSV (${rowsLabel})`}
                >
                  <span className="menu-check" aria-hidden="true" />
                  Export CSV ({rowsLabel})
                </MenuItem>
              </MenuSection>
            </>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
});
