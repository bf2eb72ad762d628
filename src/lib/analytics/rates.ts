// Ratios and changes shared by the KPI tiles and the charts. A ratio with nothing to divide by is null (shown as
// "—" with the reason), never 0 % or NaN.

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// In the browser's locale (src/lib/format): the charts and tiles import them from here.
export { formatCount, formatPercent } from '../format/format';
