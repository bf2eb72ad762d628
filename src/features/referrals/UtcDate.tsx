import { formatUtc, isoUtc, parseApiDate } from './dates';

/** An API date in the user's locale, in UTC; the tooltip and `dateTime` give the exact instant. */
export function UtcDate({ value }: { value: string | null }) {
  const date = parseApiDate(value);
  if (!date) return value ? <span>{value}</span> : null;
  const iso = isoUtc(date);
  return (
    <time dateTime={iso} title={`${iso.replace('T', ' ').replace('Z', '')} UTC`}>
      {formatUtc(date)}
    </time>
  );
}
