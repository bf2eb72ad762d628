// Which failures a page shows once, in its banner, and which stay with their widget. A failure is
// page-wide when the same kind of problem is on screen in more than one place: a refused sign-in, a
// Partner Center outage or throttling hits every figure at once, and one message with one Try again
// says it better than thirteen. A problem in one place alone (one chart's grouping refused) stays there.
import { isApiError } from '../lib/api/errors';

export type ProblemKind =
  | 'sign-in'
  | 'access'
  | 'throttled'
  | 'timeout'
  | 'server'
  | 'network'
  | 'refused-query'
  | 'unreadable-answer'
  | 'other';

/** What a failure is, as far as the partner can act on it. */
export function problemKind(error: unknown): ProblemKind {
  if (!isApiError(error)) return 'other';
  if (error.kind === 'network' || error.status === 0) return 'network';
  if (error.kind === 'invalid-response') return 'unreadable-answer';
  if (error.kind === 'invalid-query' || error.status === 400) return 'refused-query';
  if (error.status === 401) return 'sign-in';
  if (error.status === 403) return 'access';
  if (error.status === 429) return 'throttled';
  if (error.status === 504) return 'timeout';
  if (error.status >= 500) return 'server';
  return 'other';
}

/** One place on the page that shows a problem. */
export interface ShownProblem {
  error: unknown;
  /** React Query is still retrying on its own (the error is its last failure). */
  retrying: boolean;
}

export interface ProblemGroup {
  kind: ProblemKind;
  /** The newest-registered place's problem stands for the group (they share their kind). */
  error: unknown;
  /** True while every place of the group is still retrying on its own: nothing to try again yet. */
  retrying: boolean;
  /** How many places on the page show it. */
  places: number;
}

/** The fewest places that make a problem page-wide. */
export const PAGE_WIDE_PLACES = 2;

/** The page-wide problems, in the order their kinds first appear. */
export function pageWideProblems(shown: Iterable<ShownProblem>): ProblemGroup[] {
  const groups = new Map<ProblemKind, ProblemGroup>();
  for (const { error, retrying } of shown) {
    const kind = problemKind(error);
    const group = groups.get(kind);
    if (group) {
      group.places += 1;
      group.retrying &&= retrying;
      // A failure that has stopped retrying says more (its Try again, its request ID) than one that still is.
      if (group.retrying || !retrying) group.error = error;
    } else {
      groups.set(kind, { kind, error, retrying, places: 1 });
    }
  }
  return [...groups.values()].filter((group) => group.places >= PAGE_WIDE_PLACES);
}
