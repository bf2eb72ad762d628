import { formatUtcDateTime } from '../../lib/format/format';
import { isoUtc, parseApiDate } from './dates';

/** An instant in the user's locale, in UTC; the tooltip and `dateTime` give it exactly. */
export function UtcTime({ date }: { date: Date }) {
  const iso = isoUtc(date);
  return (
    <time dateTime={iso} title={`${iso.replace('T', ' ').replace('Z', '')} UTC`}>
      {formatUtcDateTime(date)}
    </time>
  );
}

/** An API date (UTC without a zone); text that is not a date is shown as it is. */
export function UtcDate({ value }: { value: string | null }) {
  const date = parseApiDate(value);
  if (!date) return value ? <span>{value}</span> : null;
  return <UtcTime date={date} />;
}
