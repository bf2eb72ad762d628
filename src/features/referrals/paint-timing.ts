// User Timing for the table: how long from a page's rows arriving to their first paint. Read by
// `npm run bench` (bench/referrals.ts) and visible in any browser's performance panel.
import { useEffect } from 'react';
import { TABLE_PAINT_MEASURE } from './paint-measure';

export interface PaintTimingInput {
  /** When React Query stored the rows (epoch ms); 0 before any data. */
  dataUpdatedAt: number;
  /** When the user asked for this page (performance.now()), for rows served from the cache. */
  requestedAt: number;
  rowCount: number;
  /** False while the previous page stands in for the requested one. */
  current: boolean;
}

export function useTablePaintTiming({
  dataUpdatedAt,
  requestedAt,
  rowCount,
  current,
}: PaintTimingInput) {
  useEffect(() => {
    if (!current || dataUpdatedAt === 0) return;
    const arrived = Math.max(dataUpdatedAt - performance.timeOrigin, requestedAt);
    // The second animation frame runs after the frame that painted the rows.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        performance.measure(TABLE_PAINT_MEASURE, {
          start: arrived,
          end: performance.now(),
          detail: { rows: rowCount },
        });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [dataUpdatedAt, requestedAt, rowCount, current]);
}
