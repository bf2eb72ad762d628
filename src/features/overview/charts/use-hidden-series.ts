// Which series of a chart the partner has switched off with its legend's toggle buttons.
import { useCallback, useState } from 'react';

export function useHiddenSeries<Series>(): [ReadonlySet<Series>, (series: Series) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<Series>>(() => new Set());
  const toggle = useCallback(
    (series: Series) =>
      setHidden((old) => {
        const next = new Set(old);
        if (!next.delete(series)) next.add(series);
        return next;
      }),
    [],
  );
  return [hidden, toggle];
}
