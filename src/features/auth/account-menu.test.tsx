import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountMenu, type AccountMenuProps } from './account-menu';

const ada = { id: 'ada-id', name: 'Ada Lovelace', email: 'ada@contoso.example' };
const grace = { id: 'grace-id', name: 'Grace Hopper', email: 'grace@fabrikam.example' };

function renderMenu(props: Partial<AccountMenuProps> = {}) {
  const handlers = { onSwitch: vi.fn(), onSignInAnother: vi.fn(), onSignOut: vi.fn() };
  render(<AccountMenu active={ada} others={[]} {...handlers} {...props} />);
  return handlers;
}

describe('AccountMenu', () => {
  it('is a button named Account menu that shows the user’s name', () => {
    renderMenu();
    const button = screen.getByRole('button', { name: 'Account menu' });
    expect(button).toHaveTextContent('Ada Lovelace');
    expect(button).toHaveAccessibleDescription('Ada Lovelace');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens with the name, e-mail and the account actions, focusing the first', async () => {
    renderMenu();
    await userEvent.click(screen.getByRole('button', { name: 'Account menu' }));
    expect(screen.getByRole('button', { name: 'Account menu' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(screen.getByText('ada@contoso.example')).toBeVisible();
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Sign in with another account', 'Sign out']);
    expect(screen.getByRole('menuitem', { name: 'Sign in with another account' })).toHaveFocus();
  });

  it('switches to another signed-in account', async () => {
    const { onSwitch } = renderMenu({ others: [grace] });
    await userEvent.click(screen.getByRole('button', { name: 'Account menu' }));
    const item = screen.getByRole('menuitem', { name: 'Switch to Grace Hopper' });
    expect(item).toHaveAccessibleDescription('grace@fabrikam.example');
    await userEvent.click(item);
    expect(onSwitch).toHaveBeenCalledWith('grace-id');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Account menu' })).toHaveFocus();
  });

  it('signs out and signs in with another account', async () => {
    const { onSignOut, onSignInAnother } = renderMenu();
    await userEvent.click(screen.getByRole('button', { name: 'Account menu' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Account menu' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sign in with another account' }));
    expect(onSignInAnother).toHaveBeenCalledOnce();
  });

  it('works from the keyboard: arrows move, Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    const { onSignOut } = renderMenu({ others: [grace] });
    screen.getByRole('button', { name: 'Account menu' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Switch to Grace Hopper' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('menuitem', { name: 'Switch to Grace Hopper' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Account menu' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('closes when the user clicks elsewhere', async () => {
    render(
      <>
        <AccountMenu
          active={ada}
          others={[]}
          onSwitch={() => {}}
          onSignInAnother={() => {}}
          onSignOut={() => {}}
        />
        <p>Elsewhere</p>
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Account menu' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
