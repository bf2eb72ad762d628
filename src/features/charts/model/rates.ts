// Ratios and changes shared by the KPI tiles and the charts. A ratio with nothing to divide by is null (shown as
// "—" with the reason), never 0 % or NaN.

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 1,
});
const countFormat = new Intl.NumberFormat('en-US');

export function formatPercent(value: number | null): string {
  return value === null ? '—' : percentFormat.format(value);
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}
