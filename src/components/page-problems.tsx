// The page's problems in one place. Every ErrorPanel on the page says what it shows here; a kind of
// problem shown in more than one place (see problem-groups.ts) goes to the page's banner, with one
// Try again that refetches every failed query, and the panels that show it turn quiet.
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  pageWideProblems,
  problemKind,
  type ProblemGroup,
  type ShownProblem,
} from './problem-groups';

function sameGroups(a: readonly ProblemGroup[], b: readonly ProblemGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((group, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        group.kind === other.kind &&
        group.error === other.error &&
        group.retrying === other.retrying &&
        group.places === other.places
      );
    })
  );
}

/** What the page's panels show, and the page-wide groups made of it. */
export class PageProblems {
  private readonly shown = new Map<string, ShownProblem>();
  private readonly listeners = new Set<() => void>();
  private groups: readonly ProblemGroup[] = [];

  show(place: string, problem: ShownProblem): void {
    this.shown.set(place, problem);
    this.update();
  }

  clear(place: string): void {
    if (this.shown.delete(place)) this.update();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly pageWide = (): readonly ProblemGroup[] => this.groups;

  private update(): void {
    const next = pageWideProblems(this.shown.values());
    if (sameGroups(next, this.groups)) return;
    this.groups = next;
    for (const listener of this.listeners) listener();
  }
}

const PageProblemsContext = createContext<PageProblems | null>(null);
const NONE: readonly ProblemGroup[] = [];
const noSubscription = () => () => {};
const none = () => NONE;

/** One per signed-in app: the routes' panels report to it, and PageProblemBanner reads it. */
export function PageProblemsProvider({ children }: { children: ReactNode }) {
  const [problems] = useState(() => new PageProblems());
  return <PageProblemsContext value={problems}>{children}</PageProblemsContext>;
}

function usePageWideProblems(): readonly ProblemGroup[] {
  const problems = useContext(PageProblemsContext);
  return useSyncExternalStore(
    problems?.subscribe ?? noSubscription,
    problems?.pageWide ?? none,
    problems?.pageWide ?? none,
  );
}

/**
 * Reports a panel's problem to the page (`report` false: the banner's own panels) and says whether
 * the banner covers it. Layout effects, so a panel turns quiet before the first paint.
 */
export function usePageProblem(
  place: string,
  problem: ShownProblem,
  report: boolean,
): { covered: boolean } {
  const problems = useContext(PageProblemsContext);
  const { error, retrying } = problem;
  useLayoutEffect(() => {
    if (!problems || !report) return;
    return () => problems.clear(place);
  }, [problems, place, report]);
  useLayoutEffect(() => {
    if (problems && report) problems.show(place, { error, retrying });
  }, [problems, place, report, error, retrying]);
  const groups = usePageWideProblems();
  const kind = problemKind(error);
  return { covered: report && groups.some((group) => group.kind === kind) };
}

/** The page-wide problems and the one action that retries all of them. */
export function usePageProblemBanner(): { groups: readonly ProblemGroup[]; retryAll(): void } {
  const groups = usePageWideProblems();
  const queryClient = useQueryClient();
  return {
    groups,
    retryAll: () =>
      void queryClient.refetchQueries({
        type: 'active',
        predicate: (query) => query.state.status === 'error',
      }),
  };
}
