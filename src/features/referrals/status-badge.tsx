import type { CSSProperties } from 'react';
import { statusColor } from '../../lib/referrals/status-colors';

/** A status as a badge in the status's chart colour (light and dark), any unknown status included. */
export function StatusBadge({ status }: { status: string }) {
  const style = {
    '--status-light': statusColor(status, 'light'),
    '--status-dark': statusColor(status, 'dark'),
  } as CSSProperties;
  return (
    <span className="status-badge" style={style}>
      {status === '' ? 'Unknown' : status}
    </span>
  );
}
