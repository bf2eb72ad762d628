import { describe, expect, it } from 'vitest';
import { parseSettings } from './config';
import { StartupLog, startupBanner } from './startup-output';

describe('startup output', () => {
  it('prints the URL first, then the certificate note, then what happened while starting', () => {
    const lines: string[] = [];
    const log = new StartupLog((line) => lines.push(line));
    log.info('Sandbox Partner Center API at http://127.0.0.1:1234/...');

    const settings = parseSettings({ PORT: '5173' });
    lines.push(...startupBanner({ url: 'https://localhost:5173/', settings }));
    log.release();
    log.info('GET /api/partner/v1/analytics/referrals 200 12 ms request-id=1');

    expect(lines[0]).toBe('Referral Lens (sandbox mode): https://localhost:5173/');
    expect(lines[1]).toMatch(/warns once about this certificate/);
    expect(lines.slice(2)).toEqual([
      'Sandbox Partner Center API at http://127.0.0.1:1234/...',
      'GET /api/partner/v1/analytics/referrals 200 12 ms request-id=1',
    ]);
  });

  it('never holds back errors', () => {
    const errors: string[] = [];
    const log = new StartupLog(
      () => undefined,
      (line) => errors.push(line),
    );
    log.error('Sandbox identity provider error: boom');
    expect(errors).toEqual(['Sandbox identity provider error: boom']);
  });

  it('has no certificate note in live mode over http', () => {
    const settings = parseSettings({
      REFERRAL_LENS_MODE: 'live',
      ENTRA_CLIENT_ID: '8f0c2a4e-1b7d-4c1e-9a53-2f1d7b6e9c01',
      ENTRA_AUTHORITY: 'https://login.microsoftonline.com/organizations',
      ENTRA_REDIRECT_URI: 'http://localhost:5173/',
    });
    expect(startupBanner({ url: 'http://localhost:5173/', settings })).toEqual([
      'Referral Lens (live mode): http://localhost:5173/',
    ]);
  });
});
