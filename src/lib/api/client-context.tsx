import { createContext, useContext, type ReactNode } from 'react';
import type { ReferralsClient } from './client';

const ReferralsClientContext = createContext<ReferralsClient | null>(null);

export function ReferralsClientProvider({
  client,
  children,
}: {
  client: ReferralsClient;
  children: ReactNode;
}) {
  return <ReferralsClientContext value={client}>{children}</ReferralsClientContext>;
}

/** The signed-in user's referrals client; only inside ReferralsClientProvider. */
export function useReferralsClient(): ReferralsClient {
  const client = useContext(ReferralsClientContext);
  if (client === null) {
    throw new Error('useReferralsClient() is used outside <ReferralsClientProvider>.');
  }
  return client;
}
