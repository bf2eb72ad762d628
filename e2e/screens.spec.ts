// Every page fits the phone it is shown on: no page is wider than a 390 px viewport, and the header's controls
// stay reachable by keyboard there. The screenshots (test-results/screens/layout-*) are for people to look at.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';

/** How far the page is wider than the viewport, in CSS pixels (0 when it fits). Text: this file has no DOM types. */
function overflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

/** The elements that reach past the viewport's right edge, innermost first: for a failure message. */
const PAST_THE_EDGE = `(() => {
  const past = (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5;
  const clipped = (element) => {
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  return [...document.querySelectorAll('body *')]
    .filter((element) => past(element) && !clipped(element))
    .filter((element) => ![...element.children].some(past))
    .slice(0, 5)
    .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' ' + Math.round(element.getBoundingClientRect().right))
    .join(', ');
})()`;

/** `soft`: the test goes on (to take the rest of its screenshots) and fails at its end. */
async function expectFits(page: Page, what: string, soft = false): Promise<void> {
  const past = await overflow(page);
  const culprits = past > 0 ? await page.evaluate<string>(PAST_THE_EDGE) : '';
  (soft ? expect.soft : expect)(
    past,
    `${what} is wider than the viewport: ${culprits}`,
  ).toBeLessThanOrEqual(0);
}

async function dashboardReady(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: 'Total referrals' })).toHaveAttribute(
    'aria-busy',
    'false',
    { timeout: 30_000 },
  );
  await expect(
    page.getByRole('figure', { name: 'Referrals per status', exact: true }),
  ).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

/** The address of the first referral in the dashboard's table. */
async function firstReferral(page: Page): Promise<string> {
  const link = page.locator('main a[href^="/referrals/"]').first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  return (await link.getAttribute('href')) ?? '';
}

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no signed-in page is wider than the viewport', async ({ page }) => {
    await signIn(page);
    await dashboardReady(page);
    await expectFits(page, 'the dashboard');
    const referral = await firstReferral(page);
    await page.getByRole('button', { name: 'Views' }).click();
    await expectFits(page, 'the dashboard with the Views menu open');
    await page.keyboard.press('Escape');
    await page.getByText('Columns', { exact: true }).click();
    await expectFits(page, 'the dashboard with the Columns menu open');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await expectFits(page, 'the dashboard with the account menu open');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Response times' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await expectFits(page, 'the response times page');

    await page.goto(referral);
    await expect(page.getByRole('heading', { name: 'Lifecycle' })).toBeVisible({ timeout: 30_000 });
    await expectFits(page, 'a referral');

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFits(page, 'the not-found page');
  });

  test('the header fits from 360 px to a laptop', async ({ page }) => {
    await signIn(page);
    await dashboardReady(page);
    for (const width of [360, 420, 600, 768, 900, 1024, 1180, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await expectFits(page, `the dashboard at ${width} px`);
      await page.getByRole('banner').screenshot({ path: `${SCREENS}/layout-header-${width}.png` });
    }
  });

  test('bar labels stay on one line on a laptop and on at most two lines on phones', async ({
    page,
  }) => {
    await signIn(page);
    await dashboardReady(page);
    /** The most lines any bar label of the chart is wrapped onto (recharts writes a tspan per line). */
    const mostLines = async (title: string) => {
      const chart = page.getByRole('figure', { name: title, exact: true });
      await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      const labels = chart.locator('.recharts-label-list text');
      await expect(labels.first()).toBeVisible();
      const lines = await labels.evaluateAll((texts) =>
        texts.map((text) => text.querySelectorAll('tspan').length),
      );
      return Math.max(...lines);
    };
    const breakdowns = ['Referrals by customer market', 'Referrals by organisation size'];
    for (const width of [1280, 360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const title of [...breakdowns, 'Referral funnel']) {
        const lines = await mostLines(title);
        // Breakdown rows are 30 px apart: a third line would run into the next row's label.
        const allowed = width >= 1024 ? 1 : breakdowns.includes(title) ? 2 : 3;
        expect(lines, `${title} at ${width} px`).toBeLessThanOrEqual(allowed);
      }
    }
  });

  test("the header's controls are reachable by keyboard", async ({ page }) => {
    await signIn(page);
    const header = page.getByRole('banner');
    const controls = [
      header.getByRole('link', { name: 'Referral Lens' }),
      header.getByRole('link', { name: 'Overview' }),
      header.getByRole('link', { name: 'Response times' }),
      header.getByRole('button', { name: 'Copy link' }),
      header.getByRole('button', { name: 'Save view' }),
      header.getByRole('button', { name: 'Views' }),
      header.getByRole('button', { name: 'Print' }),
      header.getByRole('button', { name: 'Account menu' }),
    ];
    await page.locator('body').focus();
    // Tab from the top of the page: the skip link, then each control in turn, each one shown in the viewport.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    for (const control of controls) {
      await page.keyboard.press('Tab');
      await expect(control).toBeFocused();
      await expect(control).toBeInViewport({ ratio: 1 });
    }
  });
});

const SIZES = [
  { name: 'narrow', width: 390, height: 844 },
  { name: 'wide', width: 1440, height: 900 },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${size.name} ${scheme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });

      test(`every page fits, ${size.name} and ${scheme} (screenshots)`, async ({ page }) => {
        // Eight pages and menus, each shot once: longer than one page's test.
        test.setTimeout(120_000);
        const shot = (name: string) =>
          page.screenshot({ path: `${SCREENS}/layout-${size.name}-${scheme}-${name}.png` });
        await page.goto('/');
        await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
        await expectFits(page, 'the landing page', true);
        await shot('landing');
        await signIn(page);
        await dashboardReady(page);
        await expectFits(page, 'the dashboard', true);
        const referral = await firstReferral(page);
        await shot('dashboard-top');
        await page
          .getByRole('figure', { name: 'Referral funnel', exact: true })
          .scrollIntoViewIfNeeded();
        await shot('dashboard-charts');
        await page.getByText('Columns', { exact: true }).scrollIntoViewIfNeeded();
        await page.getByText('Columns', { exact: true }).click();
        await expectFits(page, 'the Columns menu', true);
        await shot('columns-menu');
        await page.keyboard.press('Escape');
        await page.evaluate('window.scrollTo(0, 0)');
        await page.getByRole('button', { name: 'Views' }).click();
        await expectFits(page, 'the Views menu', true);
        await shot('views-menu');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Account menu' }).click();
        await shot('account-menu');
        await page.keyboard.press('Escape');

        await page.getByRole('link', { name: 'Response times' }).click();
        await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
        // Every figure drawn, rather than a fixed wait.
        await expect(page.locator('main figure[data-state]').first()).toBeVisible();
        for (const shown of await page.locator('main figure[data-state]').all()) {
          await expect(shown).toHaveAttribute('data-state', /^(ready|empty)$/, { timeout: 30_000 });
          await expect(shown).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
        }
        await expectFits(page, 'the response times page', true);
        await page.screenshot({
          path: `${SCREENS}/layout-${size.name}-${scheme}-response-times.png`,
          fullPage: true,
        });
        await page
          .getByRole('figure', { name: 'Service levels by customer market' })
          .scrollIntoViewIfNeeded();
        await shot('response-times-service-levels');
        await page.getByRole('figure', { name: 'Time to accept' }).scrollIntoViewIfNeeded();
        await shot('response-times-curves');

        await page.goto(referral);
        await expect(page.getByRole('heading', { name: 'Lifecycle' })).toBeVisible({
          timeout: 30_000,
        });
        await expectFits(page, 'a referral', true);
        await page.screenshot({
          path: `${SCREENS}/layout-${size.name}-${scheme}-referral.png`,
          fullPage: true,
        });

        await page.goto('/no-such-page');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectFits(page, 'the not-found page', true);
        await shot('not-found');
      });
    });
  }
}

test.describe('de-DE wide', () => {
  test.use({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' });

  test('the German dashboard fits (screenshot)', async ({ page }) => {
    await signIn(page);
    await dashboardReady(page);
    await expectFits(page, 'the dashboard', true);
    await page.screenshot({ path: `${SCREENS}/layout-wide-de-dashboard.png`, fullPage: true });
  });
});
