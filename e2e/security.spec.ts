// Safe to run: the app works under its Content-Security-Policy (every test fails on a violation,
// see support/fixtures.ts), the listener does catch one, and over-long requests are refused in the
// browser with a message that says why, before anything is sent.
import { expect, test } from './support/fixtures';

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
