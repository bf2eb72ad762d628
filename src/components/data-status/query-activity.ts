// What the data status bar says, computed from the page's queries: the active ones (those a mounted component
// uses), so answers kept for other pages or filters never speak for this one.
import type { Query } from '@tanstack/react-query';
import { fetchStartedAt } from '../../lib/api/fetch-clock';

/** A request still waiting after this long gets the slow-answer notice. */
export const SLOW_ANSWER_MS = 5_000;

/** When the shown data was fetched: the oldest answer among the active queries, or null before any arrived. */
export function oldestActiveAnswer(queries: readonly Query[]): number | null {
  let oldest: number | null = null;
  for (const query of queries) {
    const at = query.state.dataUpdatedAt;
    if (query.isActive() && at > 0 && (oldest === null || at < oldest)) oldest = at;
  }
  return oldest;
}

/** When the longest-waiting fetch of an active query began, or null when none is under way. */
export function oldestActiveFetch(queries: readonly Query[]): number | null {
  let oldest: number | null = null;
  for (const query of queries) {
    const at = query.isActive() ? fetchStartedAt(query) : undefined;
    if (at !== undefined && (oldest === null || at < oldest)) oldest = at;
  }
  return oldest;
}

/** Hours and minutes in the browser's locale; the date too when the data is from another day. */
export function formatAsOf(at: number, now: number, locale?: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(!sameDay && { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** Whole seconds waited, counted up from the fetch's start. */
export function secondsWaited(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 1000));
}
