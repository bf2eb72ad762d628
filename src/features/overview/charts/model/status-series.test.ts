import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../../../../lib/api/types';
import { toStatusSeries } from './status-series';

const range = { from: '2026-08-24', to: '2026-09-13' };

function bucket(
  status: string | null,
  createdDate: string | null,
  count: number | string,
): ReferralBucket {
  // Counts may arrive as strings from the API; the transform must cope even if the client did not coerce them.
  return { key: { status, createdDate }, count: count as number };
}

describe('toStatusSeries', () => {
  it('fills the weeks with no referrals with zeros for every status', () => {
    const series = toStatusSeries(
      [bucket('Won', '2026-08-24T00:00:00', 3), bucket('New', '2026-09-07T00:00:00', '5')],
      'createdDate',
      range,
      'week',
    );
    expect(series.statuses).toEqual(['New', 'Won']);
    expect(series.rows.map((r) => [r.start, r.counts, r.total])).toEqual([
      ['2026-08-24', { New: 0, Won: 3 }, 3],
      ['2026-08-31', { New: 0, Won: 0 }, 0],
      ['2026-09-07', { New: 5, Won: 0 }, 5],
    ]);
  });

  it('labels null date and status buckets and keeps them', () => {
    const series = toStatusSeries(
      [
        bucket(null, '2026-08-25T00:00:00', 1),
        bucket('Won', null, 2),
        bucket('Zombie', '2026-08-24T00:00:00', 4),
      ],
      'createdDate',
      range,
      'week',
    );
    expect(series.statuses).toEqual(['Won', 'Zombie', 'Unknown']);
    const last = series.rows.at(-1);
    expect(last).toMatchObject({ start: null, label: 'No date', total: 2 });
    expect(series.rows[0]?.counts).toEqual({ Won: 0, Zombie: 4, Unknown: 1 });
  });

  it('keeps a bucket the API returned outside the range rather than losing its referrals', () => {
    const series = toStatusSeries(
      [bucket('Won', '2026-10-05T00:00:00', 1)],
      'createdDate',
      range,
      'week',
    );
    expect(series.rows.map((r) => r.start)).toEqual([
      '2026-08-24',
      '2026-08-31',
      '2026-09-07',
      '2026-10-05',
    ]);
  });

  it('reads the date field the view groups by and adds up buckets that fall in one', () => {
    const series = toStatusSeries(
      [
        { key: { status: 'Won', wonDate: '2026-08-25T00:00:00' }, count: 2 },
        { key: { status: 'Won', wonDate: '2026-08-27T00:00:00' }, count: 3 },
      ],
      'wonDate',
      range,
      'week',
    );
    expect(series.rows[0]?.counts).toEqual({ Won: 5 });
  });
});
