import { describe, expect, it } from 'vitest';
import { REFERRAL_FIELDS, type ReferralField } from '../../lib/referrals/schema';
import {
  COLUMN_PREFERENCES_KEY,
  DEFAULT_COLUMN_PREFERENCES,
  loadColumnPreferences,
  moveColumn,
  sanitizeColumnPreferences,
  saveColumnPreferences,
} from './column-preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('column preferences', () => {
  it('starts with every column visible in the resource order', () => {
    expect(loadColumnPreferences(memoryStorage())).toEqual(DEFAULT_COLUMN_PREFERENCES);
    expect(DEFAULT_COLUMN_PREFERENCES.order).toEqual(REFERRAL_FIELDS);
  });

  it('remembers what was saved', () => {
    const storage = memoryStorage();
    const preferences = {
      visibility: { customerMarket: false },
      order: ['customerName', ...REFERRAL_FIELDS.filter((field) => field !== 'customerName')],
      sizing: { customerName: 320 },
    } satisfies typeof DEFAULT_COLUMN_PREFERENCES;
    saveColumnPreferences(storage, preferences);
    expect(loadColumnPreferences(storage)).toEqual(preferences);
  });

  it('survives broken, foreign or partial entries', () => {
    expect(loadColumnPreferences(memoryStorage({ [COLUMN_PREFERENCES_KEY]: '{not json' }))).toEqual(
      DEFAULT_COLUMN_PREFERENCES,
    );
    const cleaned = sanitizeColumnPreferences({
      visibility: { id: false, status: false, bogus: false, wonDate: true },
      order: ['wonDate', 'bogus', 'wonDate', 'id'],
      sizing: { customerName: 5, status: 99999, nope: 100, id: Number.NaN },
    });
    expect(cleaned.visibility).toEqual({ status: false });
    expect(cleaned.order.slice(0, 2)).toEqual(['wonDate', 'id']);
    expect([...cleaned.order].sort()).toEqual([...REFERRAL_FIELDS].sort());
    expect(cleaned.sizing).toEqual({ customerName: 60, status: 640 });
    expect(sanitizeColumnPreferences('nonsense')).toEqual(DEFAULT_COLUMN_PREFERENCES);
  });

  it('copes with storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadColumnPreferences(throwing)).toEqual(DEFAULT_COLUMN_PREFERENCES);
    expect(() => saveColumnPreferences(throwing, DEFAULT_COLUMN_PREFERENCES)).not.toThrow();
  });
});

describe('moveColumn', () => {
  const order: ReferralField[] = ['id', 'status', 'customerMarket', 'customerName'];
  const all = () => true;

  it('moves one place left or right', () => {
    expect(moveColumn(order, 'customerMarket', -1, all)).toEqual([
      'id',
      'customerMarket',
      'status',
      'customerName',
    ]);
    expect(moveColumn(order, 'status', 1, all)).toEqual([
      'id',
      'customerMarket',
      'status',
      'customerName',
    ]);
  });

  it('jumps over hidden columns', () => {
    const visible = (field: ReferralField) => field !== 'status';
    expect(moveColumn(order, 'customerMarket', -1, visible)).toEqual([
      'customerMarket',
      'id',
      'status',
      'customerName',
    ]);
  });

  it('stays put at the edges', () => {
    expect(moveColumn(order, 'id', -1, all)).toEqual(order);
    expect(moveColumn(order, 'customerName', 1, all)).toEqual(order);
  });
});
