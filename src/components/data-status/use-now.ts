import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs` while `ticking` (so up to one interval late when it starts). */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [ticking, intervalMs]);
  return now;
}
