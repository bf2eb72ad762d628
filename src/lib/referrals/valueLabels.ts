// Field values as partners read them, wherever the app shows one: organisation sizes said the way people say them
// ('10to50employees' -> '10–50', 'Morethan20000employees' -> '20,000+'); every other value as the API wrote it.
// Exports and the filter grammar keep the API's own values.
import type { ReferralField } from './schema';

import { formatCount } from '../format/format';

export function orgSizeLabel(value: string): string {
  const range = /^(\d+)to(\d+)employees$/i.exec(value);
  if (range) return `${formatCount(Number(range[1]))}–${formatCount(Number(range[2]))}`;
  const above = /^morethan(\d+)employees$/i.exec(value);
  if (above) return `${formatCount(Number(above[1]))}+`;
  return value;
}

/** A text field's value for display. */
export function fieldValueLabel(field: ReferralField, value: string): string {
  return field === 'customerOrgSize' ? orgSizeLabel(value) : value;
}
