// Sharing a view: Copy link into a fresh browser, and saved views kept per account in the browser.
import type { Page } from '@playwright/test';
import { E2E_PORT, SANDBOX_ANCHOR_DATE } from './support/environment';
import { anchoredNow, expect, test } from './support/fixtures';
import { completeSandboxSignIn, openSandboxSignIn, signIn, signOut } from './support/sign-in';

const SCREENS = 'test-results/screens';
const FILTERED = '/?range=6m&status=Won&status=Lost&page=2&sort=customerName.asc';

function activeFilters(page: Page) {
  return page.getByRole('list', { name: 'Active filters' });
}

/** The table's "51–100 of N ·" line, which only shows once page 2 is on screen. */
async function expectSecondPage(page: Page) {
  await expect(page.getByText(/^51–100 of [\d,]+ ·/).first()).toBeVisible({ timeout: 45_000 });
}

/** The share toolbar's live region (other regions on the page say other things). */
function shareStatus(page: Page) {
  return page.getByRole('group', { name: 'Share this view' }).getByRole('status');
}

function searchOf(url: string) {
  const params = new URL(url).searchParams;
  return [...params.entries()].sort();
}

test('Copy link copies the address, and it opens the same view in a fresh browser', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'Ada Lovelace');
  await page.goto(FILTERED);
  await expectSecondPage(page);
  await expect(activeFilters(page)).toContainText('Won');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(shareStatus(page).filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(page.url());
  expect(searchOf(copied)).toEqual(searchOf(`https://localhost${FILTERED}`));

  const fresh = await browser.newContext({
    baseURL: `https://localhost:${E2E_PORT}`,
    ignoreHTTPSErrors: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  // A browser of its own has none of the fixtures: its clock is set to the data's last day here too.
  await fresh.clock.install({ time: anchoredNow(SANDBOX_ANCHOR_DATE) });
  try {
    const other = await fresh.newPage();
    await other.goto(copied);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await completeSandboxSignIn(other, 'Grace Hopper');
    // Back at the shared address after sign-in, showing the same filters, page and sort.
    await expect.poll(() => searchOf(other.url())).toEqual(searchOf(copied));
    await expectSecondPage(other);
    await expect(activeFilters(other)).toContainText('Won');
    await expect(activeFilters(other)).toContainText('Lost');
    await expect(
      other.getByRole('columnheader', { name: /^Customer this page Resize/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
  } finally {
    await fresh.close();
  }
});

test('saves a view, keeps it across a reload and a new sign-in, and reopens it exactly', async ({
  page,
}) => {
  await signIn(page, 'Ada Lovelace');
  await page.goto(FILTERED);
  await expectSecondPage(page);
  const saved = page.url();

  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Decided, by customer');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(shareStatus(page)).toContainText('Saved view “Decided, by customer”');
  await expect(page.getByRole('button', { name: 'Save view' })).toBeFocused();

  // Elsewhere, then a reload: the view is still listed, and opening it restores its address.
  await page.goto('/?range=1m');
  await page.reload();
  const views = page.getByRole('button', { name: /^Views/ });
  await views.click();
  const panel = page.getByRole('region', { name: 'Saved views' });
  await expect(panel.getByRole('link', { name: 'Decided, by customer' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/saved-views-menu.png` });
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(views).toBeFocused();
  await page.keyboard.press('Enter');
  await panel.getByRole('link', { name: 'Decided, by customer' }).click();
  await expect(shareStatus(page)).toContainText('Opened “Decided, by customer”.');
  await expect.poll(() => page.url()).toBe(saved);
  await expectSecondPage(page);
  await expect(activeFilters(page)).toContainText('Won');

  // Signed out and back in as the same person: the view is still theirs.
  await signOut(page);
  await openSandboxSignIn(page);
  await completeSandboxSignIn(page, 'Ada Lovelace');
  await page.getByRole('button', { name: /^Views/ }).click();
  await expect(panel.getByRole('link', { name: 'Decided, by customer' })).toBeVisible();
});

test('a saved view whose settings no longer parse opens with a message', async ({ page }) => {
  await signIn(page, 'Ada Lovelace');
  const file = {
    format: 'referral-lens.saved-views',
    version: 1,
    views: [
      {
        id: 'old',
        name: 'From an older version',
        address: '/?range=fortnight&status=Won&compare=lastYear',
        savedAt: '2025-01-01T00:00:00.000Z',
      },
    ],
  };
  await page.getByRole('button', { name: /^Views/ }).click();
  await page.getByLabel('Saved views file to import').setInputFiles({
    name: 'views.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(shareStatus(page)).toContainText('Imported 1 view.');

  await page.getByRole('button', { name: /^Views/ }).click();
  await page.getByRole('link', { name: 'From an older version' }).click();
  await expect(shareStatus(page)).toContainText(
    'some of its settings (“range”, “compare”) are no longer understood',
  );
  // The page still works: the valid part applies, the rest is at its defaults.
  await expect(activeFilters(page)).toContainText('Won');

  // A file that is not a saved-views file is refused with a message.
  await page.getByRole('button', { name: /^Views/ }).click();
  await page.getByLabel('Saved views file to import').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await expect(shareStatus(page)).toContainText('not a saved-views file');
});
