import { EventType, type AccountInfo } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * The active account and the other signed-in ones. The store's snapshot is the homeAccountId (a
 * string): getActiveAccount() returns a new object each call, which must never drive renders or
 * effects.
 */
export function useActiveAccount(): { active: AccountInfo | null; others: AccountInfo[] } {
  const { instance, accounts } = useMsal();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const id = instance.addEventCallback(onChange, [EventType.ACTIVE_ACCOUNT_CHANGED]);
      return () => {
        if (id !== null) instance.removeEventCallback(id);
      };
    },
    [instance],
  );
  const activeId = useSyncExternalStore(
    subscribe,
    () => instance.getActiveAccount()?.homeAccountId ?? null,
  );
  return useMemo(() => {
    const active =
      activeId === null ? null : (accounts.find((a) => a.homeAccountId === activeId) ?? null);
    return { active, others: accounts.filter((a) => a.homeAccountId !== activeId) };
  }, [accounts, activeId]);
}
