// Excel export end to end: a filtered set exported as XLSX, the workbook unzipped and checked
// against what the sandbox API itself reports for the same filter.
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';

interface Sheet {
  xml: string;
  styles: string;
  /** Data rows (the header row left out). */
  rows: string[];
}

async function readSheet(download: Download): Promise<Sheet> {
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const rows = [...xml.matchAll(/<row [^>]*>.*?<\/row>/gs)].map((m) => m[0]).slice(1);
  return { xml, styles: strFromU8(files['xl/styles.xml']!), rows };
}

/** Whether the cell at `address` is a number formatted as a date-time. */
function isDateCell(sheet: Sheet, address: string): boolean {
  const cell = new RegExp(`<c r="${address}"([^>]*)>(.*?)</c>`, 's').exec(sheet.xml);
  if (!cell || cell[1]!.includes('t="') || !/<v>[\d.]+<\/v>/.test(cell[2]!)) return false;
  const styleId = Number(/ s="(\d+)"/.exec(cell[1]!)?.[1] ?? -1);
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(sheet.styles)?.[1] ?? '';
  const xf = [...cellXfs.matchAll(/<xf\b[^>]*>/g)][styleId]?.[0] ?? '';
  const numFmtId = /numFmtId="(\d+)"/.exec(xf)?.[1];
  return new RegExp(`<numFmt numFmtId="${numFmtId}" formatCode="yyyy-mm-dd hh:mm:ss"`).test(
    sheet.styles,
  );
}

test.beforeEach(() => {
  // Sign-in, the dashboard and a large export on a busy 2-core machine.
  test.slow();
});

test('exports a filtered set as XLSX: every matching row, dates as date cells', async ({
  page,
}) => {
  const filters = { ...DEFAULT_FILTERS, preset: '12m' as const, status: ['Won', 'Lost'] };
  const days = presetRange('12m', new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));
  const expected = (await sandboxReferrals({
    filter: apiFilterText(filters, days) ?? '',
    top: '1',
    skip: '0',
  })) as { TotalCount: number };
  expect(expected.TotalCount).toBeGreaterThan(50);

  await signIn(page);
  await page.goto('/?range=12m&status=Won&status=Lost');
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('xlsx');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: 'Export all matching rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^referrals_.*status-Won.*_all\.xlsx$/);
  await expect(page.getByText(/^Exported [\d,]+ rows to/)).toBeVisible();
  await page
    .getByRole('region', { name: 'Referrals', exact: true })
    .screenshot({ path: `${SCREENS}/referrals-export-xlsx.png` });

  const sheet = await readSheet(download);
  expect(sheet.rows).toHaveLength(expected.TotalCount);
  // Column F is "Created (UTC)" in the resource's order: every referral has one.
  expect(isDateCell(sheet, 'F2')).toBe(true);
  expect(sheet.xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  expect(sheet.xml).not.toContain('<f>');

  // Export visible rows offers the same format: the page on screen, its columns.
  const [visible] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export visible rows' }).click(),
  ]);
  expect(visible.suggestedFilename()).toMatch(/_page-1\.xlsx$/);
  expect((await readSheet(visible)).rows).toHaveLength(50);
});
