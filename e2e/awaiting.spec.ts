// The "Awaiting a response" list on the dashboard, end to end: real sign-in, the proxy and the sandbox.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/accessibility';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const DAY = 86_400_000;
const SCREENS = 'test-results/screens';

const section = (page: Page) =>
  page.getByRole('region', { name: 'Awaiting a response', exact: true });

interface Row {
  id: string;
  status: string;
  createdDate: string;
  [field: string]: string | null;
}

const instant = (value: string) => Date.parse(`${value}Z`);

/**
 * What the list should hold, worked out here from the sandbox's own rows: open referrals (New or Acknowledged)
 * younger than 14 days as of the newest date in those rows, least time left (oldest) first.
 */
async function expectedList(): Promise<{ ids: string[]; asOf: number; times: number[] }> {
  const since = new Date(Date.parse(`${process.env.E2E_ANCHOR_DATE}T00:00:00Z`) - 20 * DAY);
  const body = (await sandboxReferrals({
    filter: `(status eq 'New' or status eq 'Acknowledged') and createdDate ge '${since.toISOString().slice(0, 10)}'`,
    top: '10000',
  })) as { Value: Row[] };
  const rows = body.Value;
  let asOf = 0;
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (key.endsWith('Date') && value !== null) asOf = Math.max(asOf, instant(value));
  const open = rows
    .map((row) => ({ id: row.id, left: instant(row.createdDate) + 14 * DAY - asOf }))
    .filter((row) => row.left > 0)
    .sort((a, b) => a.left - b.left || Number(a.id) - Number(b.id));
  return { ids: open.map((row) => row.id), asOf, times: open.map((row) => row.left) };
}

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
});

test('the awaiting list equals the sandbox open referrals younger than 14 days, least time left first', async ({
  page,
}) => {
  const expected = await expectedList();
  expect(expected.ids.length).toBeGreaterThan(5);
  const list = section(page);
  const table = list.getByRole('region', { name: 'Referrals awaiting a response' });
  const within24 = expected.times.filter((t) => t <= DAY).length;
  const within3 = expected.times.filter((t) => t <= 3 * DAY).length;
  await expect(list).toContainText(`${expected.ids.length} awaiting`, { timeout: 30_000 });
  await expect(list).toContainText(`${within24} expire within 24 h`);
  await expect(list).toContainText(`${within3} within 3 days`);
  await expect(list.getByTestId('awaiting-as-of')).toContainText('As of');

  // At first only the soonest are listed (every one that expires within 3 days), in order; those created in
  // between came as a count only. By the data, not the day: the list starts whole when no referral is dated
  // yesterday (the rows held cannot date the data) or none was created in between.
  const today = Date.parse(`${process.env.E2E_ANCHOR_DATE}T00:00:00Z`);
  const soonestBefore = today - 11 * DAY;
  const createdInBetween = expected.times.some((left) => {
    const created = expected.asOf + left - 14 * DAY;
    return created >= soonestBefore && created < today - DAY;
  });
  const startsPartial = expected.asOf >= today - DAY && expected.asOf < today && createdInBetween;
  const soonest = await table.locator('tbody th').allTextContents();
  expect(soonest.length).toBeGreaterThanOrEqual(within3);
  if (startsPartial) expect(soonest.length).toBeLessThan(expected.ids.length);
  else expect(soonest.length).toBe(expected.ids.length);
  expect(soonest).toEqual(expected.ids.slice(0, soonest.length));
  const showAll = list.getByRole('button', { name: `Show all ${expected.ids.length}` });
  await expect(showAll).toHaveCount(startsPartial ? 1 : 0);

  // The export holds the whole list in the same order, though only the soonest are on screen: it fetches the rest,
  // which the list then shows too.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    list.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^awaiting-response_as-of-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  expect(records.slice(1).map((r) => r[0])).toEqual(expected.ids);
  await expect(table.locator('tbody tr')).toHaveCount(expected.ids.length, { timeout: 30_000 });
  expect(await table.locator('tbody th').allTextContents()).toEqual(expected.ids);
  await expect(showAll).toHaveCount(0);

  // Each id opens its drill-down.
  const first = expected.ids[0] ?? '';
  await table.getByRole('link', { name: first, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${first}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first);
});

test('the awaiting list has no serious accessibility problems; screenshots light and dark, narrow and wide', async ({
  page,
}) => {
  // Axe over the whole dashboard is slow on a busy machine.
  test.setTimeout(240_000);
  for (const [width, name] of [
    [1280, 'wide'],
    [420, 'narrow'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const list = section(page);
      await expect(list.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
      await list.screenshot({ path: `${SCREENS}/h8-awaiting-${colorScheme}-${name}.png` });
      // After the first screenshot (the soonest, and Show all), the whole list.
      if (name === 'wide' && colorScheme === 'light') {
        const showAll = list.getByRole('button', { name: /^Show all \d+$/ });
        await showAll.click();
        await expect(showAll).toHaveCount(0);
      }
      // One axe run (the slowest part on the full dashboard); dark mode has the custom colours.
      if (name === 'wide' && colorScheme === 'dark')
        expect(await seriousViolations(page, '.awaiting')).toEqual([]);
    }
  }
});
