import { useCallback, useEffect, useState } from 'react';
import {
  cleanName,
  loadViews,
  mergeViews,
  parseViewsFile,
  storeViews,
  uniqueName,
  type SavedView,
} from './saved-views';

export interface SavedViewsApi {
  views: readonly SavedView[];
  /** Set when the stored list could not be read or written. */
  problem: string | null;
  save(name: string, address: string): SavedView | null;
  rename(id: string, name: string): void;
  remove(id: string): void;
  /** Adds the views of a file; returns what to tell the user. */
  importText(text: string): { ok: boolean; message: string };
}

const newId = () => crypto.randomUUID();

/** The signed-in account's saved views in localStorage, kept in step with other tabs. */
export function useSavedViews(accountId: string): SavedViewsApi {
  const [state, setState] = useState(() => read(accountId));
  const [stateFor, setStateFor] = useState(accountId);
  if (stateFor !== accountId) {
    // Another account signed in: its own list, read during render rather than after a flash.
    setStateFor(accountId);
    setState(read(accountId));
  }

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.storageArea === localStorage) setState(read(accountId));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [accountId]);

  const update = useCallback(
    (change: (views: readonly SavedView[]) => SavedView[]) => {
      // Read again first: another tab may have changed the list since this one loaded it.
      const next = change(read(accountId).views);
      const stored = storeViews(localStorage, accountId, next);
      setState({
        views: next,
        problem: stored ? null : 'This browser refused to store the views (storage full or off).',
      });
      return next;
    },
    [accountId],
  );

  return {
    views: state.views,
    problem: state.problem,
    save(name, address) {
      const cleaned = cleanName(name);
      if (cleaned === null) return null;
      let saved: SavedView | null = null;
      update((views) => {
        saved = {
          id: newId(),
          name: uniqueName(cleaned, views),
          address,
          savedAt: new Date().toISOString(),
        };
        return [...views, saved];
      });
      return saved;
    },
    rename(id, name) {
      const cleaned = cleanName(name);
      if (cleaned === null) return;
      update((views) =>
        views.map((view) =>
          view.id === id
            ? {
                ...view,
                name: uniqueName(
                  cleaned,
                  views.filter((other) => other.id !== id),
                ),
              }
            : view,
        ),
      );
    },
    remove(id) {
      update((views) => views.filter((view) => view.id !== id));
    },
    importText(text) {
      const parsed = parseViewsFile(text);
      if (!parsed.ok) return { ok: false, message: parsed.message };
      let added = 0;
      update((views) => {
        const merged = mergeViews(views, parsed.views, newId);
        added = merged.added;
        return merged.views;
      });
      const skipped = parsed.skipped > 0 ? ` ${parsed.skipped} could not be read.` : '';
      return {
        ok: true,
        message: `Imported ${added} ${added === 1 ? 'view' : 'views'}.${skipped}`,
      };
    },
  };
}

function read(accountId: string): { views: SavedView[]; problem: string | null } {
  const result = loadViews(localStorage, accountId);
  return result.ok
    ? { views: result.views, problem: null }
    : { views: [], problem: result.message };
}
