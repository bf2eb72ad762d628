import { useEffect, useState } from 'react';

/**
 * Whole seconds left of `seconds`, counted down once a second and restarted when `seconds` or
 * `startKey` changes; null when `seconds` is null.
 */
export function useCountdown(seconds: number | null, startKey: unknown): number | null {
  const [left, setLeft] = useState(seconds);
  const [started, setStarted] = useState({ seconds, startKey });
  if (started.seconds !== seconds || started.startKey !== startKey) {
    setStarted({ seconds, startKey });
    setLeft(seconds);
  }

  useEffect(() => {
    if (seconds === null) return;
    const deadline = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, startKey]);

  return left;
}
