import { describe, expect, it } from 'vitest';
import type { Referral } from '../../lib/referrals/schema';
import { sortReferrals } from './sorting';
import { makeReferral } from '../../testing/referral';

function row(id: string, customerName: string, wonDate: string | null, status = 'Won'): Referral {
  return makeReferral({ id, status, customerName, wonDate });
}

const rows = [
  row('10', 'beta', '2026-03-01T00:00:00'),
  row('9', 'Alpha', null),
  row('100', 'alpha', '2026-01-15T12:00:00', 'Lost'),
  row('2', 'Gamma 10', '2026-02-01T00:00:00'),
  row('3', 'Gamma 9', null, 'Lost'),
];
const ids = (sorted: Referral[]) => sorted.map((referral) => referral.id);

describe('sortReferrals', () => {
  it('keeps the API order without a sort and never changes its input', () => {
    const copy = [...rows];
    expect(ids(sortReferrals(rows, []))).toEqual(['10', '9', '100', '2', '3']);
    sortReferrals(rows, [{ id: 'id', desc: false }]);
    expect(rows).toEqual(copy);
  });

  it('orders ids and names numerically and without regard to case', () => {
    expect(ids(sortReferrals(rows, [{ id: 'id', desc: false }]))).toEqual([
      '2',
      '3',
      '9',
      '10',
      '100',
    ]);
    expect(ids(sortReferrals(rows, [{ id: 'customerName', desc: false }]))).toEqual([
      '9',
      '100',
      '10',
      '3',
      '2',
    ]);
  });

  it('orders dates by time, empty dates last in both directions', () => {
    expect(ids(sortReferrals(rows, [{ id: 'wonDate', desc: false }]))).toEqual([
      '100',
      '2',
      '10',
      '9',
      '3',
    ]);
    expect(ids(sortReferrals(rows, [{ id: 'wonDate', desc: true }]))).toEqual([
      '10',
      '2',
      '100',
      '9',
      '3',
    ]);
  });

  it('applies later sorts to ties of earlier ones', () => {
    expect(
      ids(
        sortReferrals(rows, [
          { id: 'status', desc: false },
          { id: 'id', desc: true },
        ]),
      ),
    ).toEqual(['100', '3', '10', '9', '2']);
  });
});
