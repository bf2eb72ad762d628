// axe-core over parts of the page: the serious and critical findings, each with the elements it names.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious or critical axe findings inside the elements `selectors` match. */
export async function seriousViolations(page: Page, ...selectors: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of selectors) builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}
