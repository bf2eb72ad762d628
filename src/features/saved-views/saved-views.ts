// Saved views: a name for an address of the app (path and query string, which hold every choice
// a page makes). Kept in the browser per signed-in account, and shared between people as a small
// JSON file. Everything read back (storage or a file) is validated, so an old, hand-edited or
// hostile list is either read as far as it is sound or refused with a message, never a crash.
import * as z from 'zod/mini';

export interface SavedView {
  id: string;
  name: string;
  /** Path and query string inside the app, e.g. `/?range=6m&status=Won`. */
  address: string;
  /** ISO date-time. */
  savedAt: string;
}

/** The stored and exported form's version. Bump it (and migrate) when the shape changes. */
export const SAVED_VIEWS_VERSION = 1;
export const SAVED_VIEWS_FILE_FORMAT = 'referral-lens.saved-views';
export const MAX_VIEWS = 200;
export const MAX_NAME_LENGTH = 120;
/** Longer than any address the app makes (the proxy refuses long ones anyway). */
export const MAX_ADDRESS_LENGTH = 4000;
export const MAX_FILE_BYTES = 1_000_000;

const storageKey = (accountId: string) => `referral-lens.saved-views.${accountId}`;

/** Only addresses inside this app: a shared file must never send anyone to another site. */
export function isAppAddress(address: string): boolean {
  if (!address.startsWith('/') || address.startsWith('//') || address.includes('\\')) return false;
  try {
    const url = new URL(address, 'https://app.invalid');
    return url.origin === 'https://app.invalid';
  } catch {
    return false;
  }
}

const viewSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
  address: z
    .string()
    .check(z.maxLength(MAX_ADDRESS_LENGTH), z.refine(isAppAddress, 'not an address in this app')),
  savedAt: z.string().check(z.maxLength(40)),
});

const listSchemaV1 = z.object({
  version: z.literal(1),
  views: z.array(z.unknown()).check(z.maxLength(MAX_VIEWS)),
});

const fileSchema = z.object({
  format: z.literal(SAVED_VIEWS_FILE_FORMAT),
  version: z.number(),
  views: z.unknown(),
});

export type ReadResult =
  { ok: true; views: SavedView[]; skipped: number } | { ok: false; message: string };

/** Views of a versioned list; a single bad view is skipped (and counted), not the whole list. */
function readList(value: unknown): ReadResult {
  const version =
    typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (typeof version === 'number' && version > SAVED_VIEWS_VERSION) {
    return {
      ok: false,
      message: `These views were saved by a newer version of Referral Lens (format ${version}); this one reads format ${SAVED_VIEWS_VERSION}. Reload the page to get the newest version.`,
    };
  }
  const list = listSchemaV1.safeParse(value);
  if (!list.success) {
    return { ok: false, message: 'This is not a list of saved views Referral Lens can read.' };
  }
  const views: SavedView[] = [];
  const ids = new Set<string>();
  let skipped = 0;
  for (const item of list.data.views) {
    const view = viewSchema.safeParse(item);
    if (!view.success || ids.has(view.data.id)) skipped += 1;
    else {
      ids.add(view.data.id);
      views.push({ ...view.data, name: view.data.name.trim() || 'Untitled view' });
    }
  }
  return { ok: true, views, skipped };
}

/** The account's views; an unreadable entry reads as none (with a message), never as a crash. */
export function loadViews(storage: Storage, accountId: string): ReadResult {
  let text: string | null;
  try {
    text = storage.getItem(storageKey(accountId));
  } catch {
    return { ok: false, message: 'This browser does not let Referral Lens read saved views.' };
  }
  if (text === null) return { ok: true, views: [], skipped: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The saved views in this browser are damaged and were ignored.' };
  }
  return readList(value);
}

/** Stores the account's views; false when the browser refuses (storage full or disabled). */
export function storeViews(storage: Storage, accountId: string, views: readonly SavedView[]) {
  try {
    storage.setItem(storageKey(accountId), JSON.stringify({ version: SAVED_VIEWS_VERSION, views }));
    return true;
  } catch {
    return false;
  }
}

/** The file a team shares: the list with a format name, so any other JSON is refused clearly. */
export function viewsFileText(views: readonly SavedView[]): string {
  return `${JSON.stringify(
    { format: SAVED_VIEWS_FILE_FORMAT, version: SAVED_VIEWS_VERSION, views },
    null,
    2,
  )}\n`;
}

/** Reads an imported file; a bad file is refused with a message that says what is wrong. */
export function parseViewsFile(text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, message: 'This file is too large to be a list of saved views.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it cannot hold saved views.' };
  }
  const file = fileSchema.safeParse(value);
  if (!file.success) {
    return {
      ok: false,
      message: 'This JSON file is not a saved-views file exported from Referral Lens.',
    };
  }
  const read = readList({ version: file.data.version, views: file.data.views });
  if (read.ok && read.views.length === 0 && read.skipped > 0) {
    return { ok: false, message: 'None of the views in this file could be read.' };
  }
  return read;
}

/**
 * Adds imported views to the list. A view with the same name and address is already there;
 * one whose name is taken gets a new name, so nothing the user had is replaced.
 */
export function mergeViews(
  current: readonly SavedView[],
  imported: readonly SavedView[],
  newId: () => string,
): { views: SavedView[]; added: number } {
  const views = [...current];
  let added = 0;
  for (const view of imported) {
    if (views.some((held) => held.name === view.name && held.address === view.address)) continue;
    if (views.length >= MAX_VIEWS) break;
    views.push({ ...view, id: newId(), name: uniqueName(view.name, views) });
    added += 1;
  }
  return { views, added };
}

export function uniqueName(name: string, views: readonly SavedView[]): string {
  const taken = new Set(views.map((view) => view.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A name cleaned for saving, or null when nothing is left. */
export function cleanName(name: string): string | null {
  const cleaned = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  return cleaned === '' ? null : cleaned;
}
