// "Now" for date presets, injectable so tests and stories can pin the day.
import { createContext, useContext, type ReactNode } from 'react';

const ClockContext = createContext<() => Date>(() => new Date());

export function ClockProvider({ now, children }: { now: () => Date; children: ReactNode }) {
  return <ClockContext value={now}>{children}</ClockContext>;
}

/** The current time as the provider sees it (the real clock by default). */
export function useNow(): Date {
  return useContext(ClockContext)();
}
