// Safe to run: the app works under its Content-Security-Policy (every test fails on a violation,
// see support/fixtures.ts), the listener does catch one, and over-long requests are refused in the
// browser with a message that says why, before anything is sent.
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
import { apiQuiet } from './support/api-quiet';

test.afterEach(async () => {
  await sandboxFaults.clear();
});

test.describe('Content-Security-Policy', () => {
  test('the served page carries the strict policy and the other security headers', async ({
    page,
  }) => {
    const response = await page.goto('/');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test('an inline script is blocked, and the violation reaches the test', async ({ page, csp }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      document.head.append(script);
      return window.__injectedRan === true;
    })()`);

    expect(ran).toBe(false);
    await expect.poll(() => csp.violations.length).toBeGreaterThan(0);
    // Taken, so this test passes: any other violation fails the test that caused it.
    expect(csp.take()).toEqual([
      expect.objectContaining({ directive: 'script-src-elem', blockedURI: 'inline' }),
    ]);
  });
});

test('a typed filter whose request would be too long is refused with its length and the limit, and nothing is sent', async ({
  page,
}) => {
  await signIn(page);
  const table = page.getByRole('table', { name: 'Referrals' });
  await expect(table.locator('tbody tr[aria-rowindex]').first()).toBeVisible({ timeout: 45_000 });
  // The first view's own requests are done before we watch.
  await apiQuiet(page);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests.push(request.url());
  });

  // Valid grammar and well under the contract's 4,096 characters, but nine characters a letter once
  // encoded: about 9,000 for the address.
  const expression = `customerName eq '${'銀行'.repeat(500)}'`;
  const input = page.getByRole('textbox', { name: 'Filter expression' });
  await input.fill(expression);
  await page.getByRole('button', { name: 'Apply filter' }).click();

  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'The filter expression was not applied' });
  await expect(alert).toContainText(
    /The request would be 9,\d{3} characters long once encoded; the limit is 8,192/,
  );
  await expect(alert).toContainText('Shorten the filter');
  await page
    .locator('form.filter-expression')
    .screenshot({ path: 'test-results/screens/filter-too-long.png' });
  await expect(input).toHaveValue(expression);
  await expect(page).not.toHaveURL(/expr=/);
  expect(requests).toEqual([]);
});

test('a refusal for want of multifactor authentication says what it means and what to do', async ({
  page,
}) => {
  // Partner Center refuses every call: the sign-in had no MFA.
  await sandboxFaults.add({ status: 403, mfa: true, times: 1000 });
  await signIn(page);

  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Partner Center needs a sign-in with multifactor authentication' })
    .first();
  await expect(alert).toBeVisible({ timeout: 45_000 });
  await expect(alert).toContainText('Multi-factor authentication (MFA) is required');
  await expect(alert).toContainText('sign in again and complete the MFA prompt');
  await expect(alert).toContainText("ask your tenant's administrator to require MFA");
  await page.screenshot({ path: 'test-results/screens/mfa-refusal.png', fullPage: true });
});
