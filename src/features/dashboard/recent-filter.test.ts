import { describe, expect, it } from 'vitest';
import { recentReferralsFilter, recentStartDay } from './recent-filter';

describe('recent referrals filter', () => {
  it('starts 89 days before today (UTC), so today is the 90th day', () => {
    expect(recentStartDay(new Date('2026-03-31T23:30:00Z'))).toBe('2026-01-01');
    expect(recentStartDay(new Date('2026-03-31T23:30:00-05:00'))).toBe('2026-01-02');
  });

  it('crosses leap days and years', () => {
    expect(recentStartDay(new Date('2024-03-01T00:00:00Z'), 2)).toBe('2024-02-29');
    expect(recentStartDay(new Date('2026-01-01T12:00:00Z'), 1)).toBe('2026-01-01');
  });

  it('is written in the API grammar', () => {
    expect(recentReferralsFilter(new Date('2026-03-31T10:00:00Z'))).toBe(
      "createdDate ge cast('2026-01-01', Edm.DateTimeOffset)",
    );
  });
});
