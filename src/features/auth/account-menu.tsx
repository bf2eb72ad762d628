// The header's account menu (ARIA menu-button pattern): who is signed in, switching between
// signed-in accounts, adding one, signing out. Pure: the container wires it to MSAL.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { initials } from './account-display';
import './account-menu.css';

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
}

export interface AccountMenuProps {
  active: AccountSummary;
  others: readonly AccountSummary[];
  onSwitch: (id: string) => void;
  onSignInAnother: () => void;
  onSignOut: () => void;
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu === null ? [] : [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

export function AccountMenu({
  active,
  others,
  onSwitch,
  onSignInAnother,
  onSignOut,
}: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const nameId = useId();

  useEffect(() => {
    if (!open) return;
    const items = menuItems(menuRef.current);
    (focusOnOpen === 'first' ? items[0] : items.at(-1))?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open, focusOnOpen]);

  const openMenu = (focus: 'first' | 'last') => {
    setFocusOnOpen(focus);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const choose = (action: () => void) => {
    close(true);
    action();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = menuItems(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-label="Account menu"
        aria-describedby={nameId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <span className="avatar" aria-hidden="true">
          {initials(active.name)}
        </span>
        <span id={nameId} className="account-menu__button-name">
          {active.name}
        </span>
        <svg className="account-menu__chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" />
        </svg>
      </button>
      {open && (
        <div className="account-menu__popover">
          <div className="account-menu__identity">
            <span className="avatar avatar--large" aria-hidden="true">
              {initials(active.name)}
            </span>
            <div className="account-menu__identity-text">
              <p className="account-menu__name">{active.name}</p>
              <p className="account-menu__email">{active.email}</p>
            </div>
          </div>
          <ul
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label="Account"
            className="account-menu__list"
            onKeyDown={onMenuKeyDown}
          >
            {others.map((account) => (
              <li role="none" key={account.id}>
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="account-menu__item"
                  aria-label={`Switch to ${account.name}`}
                  aria-describedby={`${menuId}-${account.id}`}
                  onClick={() => choose(() => onSwitch(account.id))}
                >
                  <span className="avatar avatar--small" aria-hidden="true">
                    {initials(account.name)}
                  </span>
                  <span className="account-menu__item-text">
                    <span>Switch to {account.name}</span>
                    <span id={`${menuId}-${account.id}`} className="account-menu__item-detail">
                      {account.email}
                    </span>
                  </span>
                </button>
              </li>
            ))}
            {others.length > 0 && <li role="separator" className="account-menu__separator" />}
            <li role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="account-menu__item"
                onClick={() => choose(onSignInAnother)}
              >
                Sign in with another account
              </button>
            </li>
            <li role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="account-menu__item"
                onClick={() => choose(onSignOut)}
              >
                Sign out
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
