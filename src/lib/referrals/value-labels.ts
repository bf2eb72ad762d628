// Field values as partners read them, wherever the app shows one: organisation sizes said the way people say them
// ('10to50employees' -> '10–50', 'Morethan20000employees' -> '20,000+', the older scheme's marked "(older)");
// markets with their country's name to search by. The filter grammar keeps the API's own values, and exports
// keep them in a column of their own.
import { formatCount } from '../format/format';
import { OLDER_ORG_SIZES, type ReferralField } from './schema';

/** The heading of the older scheme's sizes wherever sizes are listed. */
export const OLDER_ORG_SIZE_GROUP = 'Older size bands';

const olderSizes = new Set<string>(OLDER_ORG_SIZES.map((size) => size.toLowerCase()));

/** True for the sizes of the older scheme (1–50, 51–500, 500+), which overlap the current bands. */
export function isOlderOrgSize(value: string): boolean {
  return olderSizes.has(value.toLowerCase());
}

export function orgSizeLabel(value: string): string {
  const older = isOlderOrgSize(value) ? ' (older)' : '';
  const range = /^(\d+)to(\d+)employees$/i.exec(value);
  if (range) return `${formatCount(Number(range[1]))}–${formatCount(Number(range[2]))}${older}`;
  const above = /^morethan(\d+)employees$/i.exec(value);
  if (above) return `${formatCount(Number(above[1]))}+${older}`;
  return value;
}

// English, as the rest of the app; built on first use.
let regionNames: Intl.DisplayNames | null = null;

/** "Germany" for the market code "DE"; null for a code that names no region. */
export function marketName(code: string): string | null {
  if (!/^[A-Za-z]{2}$|^\d{3}$/.test(code)) return null;
  try {
    regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    return regionNames.of(code.toUpperCase()) ?? null;
  } catch {
    return null;
  }
}

/** A text field's value for display. */
export function fieldValueLabel(field: ReferralField, value: string): string {
  return field === 'customerOrgSize' ? orgSizeLabel(value) : value;
}
