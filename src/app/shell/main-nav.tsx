import { useEffect, useId, useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { MenuIcon } from '@/ui/icons.tsx';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Shown only to accounts holding this rid (superusers see everything). */
  needs?: string;
}

/**
 * The main navigation. On a wide screen its links sit in the header; below 1100 px (global.css, "Shell") they collapse
 * behind the Menu button, a disclosure: the button says whether the list is open (`aria-expanded`), Escape or a click
 * outside closes it and Escape gives the focus back to the button, and following a link closes it.
 */
export function MainNav({ items }: { items: readonly NavItem[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      if (nav.current?.contains(document.activeElement)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <nav ref={nav} className="main-nav" aria-label="Main" data-open={open || undefined}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-quiet nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        <MenuIcon size={18} />
        <span className="nav-toggle-label">Menu</span>
      </button>
      <ul id={listId}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
