import { createContext, useContext, type ReactNode } from 'react';
import type { RuntimeConfig } from './config';

const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

export function RuntimeConfigProvider({
  config,
  children,
}: {
  config: RuntimeConfig;
  children: ReactNode;
}) {
  return <RuntimeConfigContext value={config}>{children}</RuntimeConfigContext>;
}

export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (config === null)
    throw new Error('useRuntimeConfig() is used outside <RuntimeConfigProvider>.');
  return config;
}
