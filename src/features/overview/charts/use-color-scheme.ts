// The colour scheme the page is shown in (the shell follows the system's), for chart colours that SVG attributes
// cannot take from CSS. Always light in print, like the print stylesheet: paper is white.
import { useSyncExternalStore } from 'react';
import { usePrinting } from '../../../lib/print/use-printing';
import type { ColorScheme } from '../../../lib/referrals/status-colors';

const QUERY = 'screen and (prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(QUERY);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

function snapshot(): ColorScheme {
  return window.matchMedia?.(QUERY).matches ? 'dark' : 'light';
}

export function useColorScheme(): ColorScheme {
  const scheme = useSyncExternalStore<ColorScheme>(subscribe, snapshot, () => 'light');
  return usePrinting() ? 'light' : scheme;
}
