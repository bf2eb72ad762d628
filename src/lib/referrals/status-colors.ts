// A stable colour per status: known statuses have fixed colours, any other status is hashed to one of a few extra
// colours, so a status we have never seen still gets the same colour on every chart and every visit. Each palette
// keeps at least 3:1 contrast with its background (WCAG 1.4.11), light and dark.
import { KNOWN_STATUSES, type KnownStatus } from './schema';

export type ColorScheme = 'light' | 'dark';

export const UNKNOWN_STATUS_LABEL = 'Unknown';

const KNOWN: Record<KnownStatus, Record<ColorScheme, string>> = {
  New: { light: '#0f766e', dark: '#2dd4bf' },
  Acknowledged: { light: '#0369a1', dark: '#38bdf8' },
  Accepted: { light: '#4338ca', dark: '#818cf8' },
  Declined: { light: '#c2410c', dark: '#fb923c' },
  Expired: { light: '#a16207', dark: '#facc15' },
  Missed: { light: '#7e22ce', dark: '#c084fc' },
  Skipped: { light: '#be185d', dark: '#f472b6' },
  Won: { light: '#15803d', dark: '#4ade80' },
  Lost: { light: '#b91c1c', dark: '#f87171' },
  Archived: { light: '#57534e', dark: '#a8a29e' },
};

const EXTRA: Record<ColorScheme, readonly string[]> = {
  light: ['#0e7490', '#4d7c0f', '#9f1239', '#a21caf', '#854d0e', '#065f46'],
  dark: ['#22d3ee', '#a3e635', '#fb7185', '#e879f9', '#fde047', '#34d399'],
};

const knownSet: ReadonlySet<string> = new Set(KNOWN_STATUSES);

function isKnownStatus(status: string): status is KnownStatus {
  return knownSet.has(status);
}

/** FNV-1a over UTF-16 code units: tiny, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function statusColor(status: string, scheme: ColorScheme): string {
  if (isKnownStatus(status)) return KNOWN[status][scheme];
  const palette = EXTRA[scheme];
  return palette[hash(status) % palette.length] ?? palette[0] ?? '#808080';
}

/** Lifecycle order for known statuses, then the others alphabetically, "Unknown" last. */
export function orderStatuses(statuses: Iterable<string>): string[] {
  const all = new Set(statuses);
  const known = KNOWN_STATUSES.filter((s) => all.has(s));
  const others = [...all]
    .filter((s) => !isKnownStatus(s) && s !== UNKNOWN_STATUS_LABEL)
    .sort((a, b) => a.localeCompare(b, 'en'));
  return [...known, ...others, ...(all.has(UNKNOWN_STATUS_LABEL) ? [UNKNOWN_STATUS_LABEL] : [])];
}
