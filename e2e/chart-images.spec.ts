// Chart images: a chart downloaded as PNG (2×) and SVG, titled and captioned with its date range
// and filters, in the page's current colour scheme.
import { copyFile, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';
const TITLE = 'Referrals per status';

function chart(page: Page) {
  return page.getByRole('figure', { name: TITLE, exact: true });
}

async function openChart(page: Page) {
  await signIn(page);
  await page.goto('/?range=6m&status=Won&status=Lost');
  await expect(chart(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(chart(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a chart downloads as a 2× PNG of the right size, titled and captioned', async ({ page }) => {
  await openChart(page);
  const box = await chart(page).locator('svg.recharts-surface').first().boundingBox();
  expect(box).not.toBeNull();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    chart(page).getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^referrals-per-status_.*status-Won-Lost.*\.png$/);
  const path = await download.path();
  await copyFile(path, `${SCREENS}/chart-image.png`);
  const { width, height } = pngSize(await readFile(path));
  // 2×: the chart's width plus 16 px padding each side; its height plus the title and caption.
  expect(width).toBe(2 * (Math.round(box!.width) + 32));
  expect(height).toBeGreaterThan(2 * (Math.round(box!.height) + 32));
  expect(height).toBeLessThan(2 * (Math.round(box!.height) + 200));
});

test('the SVG carries the title, range, filters and legend, in the dark theme when the page is dark', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openChart(page);
  // In-page code as text: the e2e files are compiled without the DOM's types.
  const surface = (await page.evaluate(
    "getComputedStyle(document.body).getPropertyValue('--color-surface').trim()",
  )) as string;
  expect(surface).not.toBe('');

  // Lost switched off: the legend keeps it, marked hidden, so the image says what is not drawn.
  const lost = chart(page).getByRole('button', { name: /^Lost/ });
  await expect(lost).toHaveAttribute('aria-pressed', 'true');
  await lost.click();
  await expect(lost).toHaveAttribute('aria-pressed', 'false');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    chart(page).getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(`<rect width="100%" height="100%" fill="${surface}"`);
  expect(svg).toContain(`>${TITLE}</text>`);
  expect(svg).toMatch(/>Created \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC\) · [^<]*Won/);
  // The chart itself, with its bars.
  expect(svg).toMatch(/<path [^>]*name="Won"/);
  // The legend: each status with its total, Lost marked hidden, after the chart.
  const legend = svg.slice(svg.lastIndexOf('</svg>', svg.length - 7));
  expect(legend).toMatch(/<rect [^>]*fill="[^"]+"[^>]*\/><text [^>]*>Won \d[^<]*<\/text>/);
  expect(legend).toMatch(
    /<text [^>]*text-decoration="line-through"[^>]*>Lost \d[^<]* \(hidden\)<\/text>/,
  );
});

test('a response-times chart’s SVG carries its legend', async ({ page }) => {
  await signIn(page);
  await page.goto('/response-times?range=6m');
  const figure = page.getByRole('figure', { name: 'Time to acknowledge', exact: true });
  await expect(figure).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(figure).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = await readFile(await download.path(), 'utf8');
  const legend = svg.slice(svg.lastIndexOf('</svg>', svg.length - 7));
  expect(legend).toMatch(/<line [^>]*stroke="[^"]+"[^>]*\/><text [^>]*>All cohorts<\/text>/);
  expect(legend).toMatch(/>Lighter to darker blue: older to newer cohorts \(\d+\)<\/text>/);
});
