import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useRouteFocus } from './use-route-focus';

function Overview() {
  return (
    <>
      <h1>Referrals overview</h1>
      <Link to="/referrals/1">Open referral 1</Link>
    </>
  );
}

function Referral() {
  return (
    <>
      <h1>Referral 1</h1>
      <Link to="/referrals/2">Next referral</Link>
    </>
  );
}

function Pages() {
  useRouteFocus();
  return (
    <main>
      <Routes>
        <Route path="/" element={<Overview />} />
        <Route path="/referrals/:id" element={<Referral />} />
      </Routes>
    </main>
  );
}

describe('useRouteFocus', () => {
  it('focuses the new page’s heading when the control that led there is gone', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <Pages />
      </MemoryRouter>,
    );
    // The first page is left alone.
    expect(document.body).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Open referral 1' }));
    expect(screen.getByRole('heading', { name: 'Referral 1' })).toHaveFocus();
  });

  it('leaves focus on a control that survives the change', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/referrals/1']}>
        <Pages />
      </MemoryRouter>,
    );
    const next = screen.getByRole('link', { name: 'Next referral' });
    await user.click(next);
    expect(next).toHaveFocus();
  });
});
