// Column visibility, order and widths, remembered per browser. What is stored is validated and
// completed on load, so an old or hand-edited entry can never hide the table or lose a column.
import * as z from 'zod/mini';
import { isReferralField, REFERRAL_FIELDS, type ReferralField } from '../../lib/referrals/schema';

export const COLUMN_PREFERENCES_KEY = 'referral-lens.referrals-table.columns.v1';

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 640;

/** Columns that cannot be hidden: the id is the way into a referral. */
export const ALWAYS_VISIBLE: ReadonlySet<ReferralField> = new Set(['id']);

export interface ColumnPreferences {
  /** Only `false` entries matter: a column is visible unless hidden. */
  visibility: Partial<Record<ReferralField, boolean>>;
  /** Every field exactly once. */
  order: ReferralField[];
  /** Widths in pixels of columns the user resized. */
  sizing: Partial<Record<ReferralField, number>>;
}

export const DEFAULT_COLUMN_PREFERENCES: ColumnPreferences = {
  visibility: {},
  order: [...REFERRAL_FIELDS],
  sizing: {},
};

const storedSchema = z.object({
  // Entries are checked one by one below, so one bad value drops only itself.
  visibility: z.catch(z.record(z.string(), z.unknown()), {}),
  order: z.catch(z.array(z.unknown()), []),
  sizing: z.catch(z.record(z.string(), z.unknown()), {}),
});

export function clampColumnWidth(width: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));
}

/** Known fields only; the order completed with any field it lacks, in the resource's order. */
export function sanitizeColumnPreferences(value: unknown): ColumnPreferences {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) return DEFAULT_COLUMN_PREFERENCES;
  const visibility: ColumnPreferences['visibility'] = {};
  for (const [field, visible] of Object.entries(parsed.data.visibility)) {
    if (isReferralField(field) && visible === false && !ALWAYS_VISIBLE.has(field)) {
      visibility[field] = false;
    }
  }
  const order = [
    ...new Set(
      parsed.data.order.filter(
        (field): field is ReferralField => typeof field === 'string' && isReferralField(field),
      ),
    ),
  ];
  for (const field of REFERRAL_FIELDS) if (!order.includes(field)) order.push(field);
  const sizing: ColumnPreferences['sizing'] = {};
  for (const [field, width] of Object.entries(parsed.data.sizing)) {
    if (isReferralField(field) && typeof width === 'number' && Number.isFinite(width)) {
      sizing[field] = clampColumnWidth(width);
    }
  }
  return { visibility, order, sizing };
}

export function loadColumnPreferences(storage: Pick<Storage, 'getItem'> | null): ColumnPreferences {
  try {
    const text = storage?.getItem(COLUMN_PREFERENCES_KEY);
    return text ? sanitizeColumnPreferences(JSON.parse(text)) : DEFAULT_COLUMN_PREFERENCES;
  } catch {
    // Unreadable JSON or storage disabled by the browser: start from the defaults.
    return DEFAULT_COLUMN_PREFERENCES;
  }
}

export function saveColumnPreferences(
  storage: Pick<Storage, 'setItem'> | null,
  preferences: ColumnPreferences,
): void {
  try {
    storage?.setItem(COLUMN_PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // Storage full or disabled: the preferences still apply for this visit.
  }
}

/**
 * Moves a column one place left (-1) or right (+1) among the visible columns, jumping over
 * hidden ones, so each press visibly moves it. At an edge the order is returned unchanged.
 */
export function moveColumn(
  order: readonly ReferralField[],
  field: ReferralField,
  direction: -1 | 1,
  isVisible: (field: ReferralField) => boolean,
): ReferralField[] {
  const from = order.indexOf(field);
  if (from === -1) return [...order];
  let to = from + direction;
  while (to >= 0 && to < order.length && !isVisible(order[to]!)) to += direction;
  if (to < 0 || to >= order.length) return [...order];
  const next = order.filter((id) => id !== field);
  next.splice(to, 0, field);
  return next;
}
