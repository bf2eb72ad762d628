// The table's own scroll across a drill-down and Back. <ScrollRestoration> (src/app/signed-in-layout.tsx) puts the
// window back per history entry; the table scrolls inside its own container, which the router does not see. Its
// offset is kept here in the same way: per history entry (the router's location key) and list, given back once.
import { useCallback, useLayoutEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { ROW_HEIGHT } from './referrals-table';

/** Scroll offsets of the table by history entry and list; a handful at most (one per referral opened). */
const kept = new Map<string, number>();

/**
 * Navigation state of a link back to the list that must show one row: the drill-down stepped across a page edge,
 * so its list is not the history entry the referral was opened from.
 */
export interface ShowRowState {
  showRow: number;
}

function rowToShow(state: unknown): number | null {
  const row = (state as Partial<ShowRowState> | null)?.showRow;
  return Number.isInteger(row) && Number(row) >= 0 ? Number(row) : null;
}

/**
 * Gives the table back its offset once `ready` (its rows are on screen), or scrolls the row a Back link names into
 * view, the window too. Returns `keepScroll`, to call as a referral is opened.
 */
export function useTableScroll(
  scrollRef: RefObject<HTMLElement | null>,
  listSearch: string,
  ready: boolean,
): { keepScroll(): void } {
  const { key, state } = useLocation();
  // nuqs writes the list into the address without a new router location, so the list is part of the entry.
  const entry = `${key}${listSearch}`;
  const keepScroll = useCallback(() => {
    const container = scrollRef.current;
    if (container) kept.set(entry, container.scrollTop);
  }, [entry, scrollRef]);

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!ready || !container) return;
    const top = kept.get(entry);
    if (top !== undefined) {
      kept.delete(entry);
      container.scrollTop = top;
      return;
    }
    const row = rowToShow(state);
    if (row === null) return;
    container.scrollTop = Math.max(0, row * ROW_HEIGHT - container.clientHeight / 2);
    // The window too, retried for a few frames: the charts above may still be growing to their full height.
    let frames = 0;
    let handle = 0;
    const showRow = () => {
      const rowTop = container.getBoundingClientRect().top + row * ROW_HEIGHT - container.scrollTop;
      const by = rowTop - window.innerHeight / 2;
      if (Math.abs(by) > 1) window.scrollBy(0, by);
      frames += 1;
      if (Math.abs(by) > 1 && frames < 60) handle = requestAnimationFrame(showRow);
    };
    showRow();
    return () => cancelAnimationFrame(handle);
  }, [ready, entry, state, scrollRef]);

  return { keepScroll };
}
