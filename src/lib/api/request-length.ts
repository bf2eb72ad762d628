// How long a request's address may be. Partner Center accepts filters of up to 4,096 characters, but
// each character can take up to nine once percent-encoded (CJK text), and web servers and front doors
// refuse long addresses (commonly at 8 or 16 KB, some with a bare error or a reset). The app measures
// every request before sending it and refuses one over this limit with words that say why.
import type { FilterError } from '../filter-grammar';
import { REFERRALS_PATH } from '../referrals/schema';

/** The longest request target (path and query string, as sent) the app will send. */
export const MAX_REQUEST_URL_LENGTH = 8 * 1024;

/** Where the proxy is mounted on the app's origin. */
export const API_BASE_PATH = '/api';

/**
 * Room kept for the parameters besides the filter (a groupby of several fields, aggregationLevel,
 * top, skip), so a filter that passes the check fits every request the app makes with it.
 */
export const OTHER_PARAMETERS_ALLOWANCE = 256;

const formatCount = (n: number) => n.toLocaleString('en-US');

/** The words for a request `length` characters long: the length, the limit and what to do. */
export function requestTooLongMessage(length: number): string {
  return (
    `The request would be ${formatCount(length)} characters long once encoded; the limit is ` +
    `${formatCount(MAX_REQUEST_URL_LENGTH)}, which servers between you and Partner Center accept. ` +
    'Shorten the filter (letters outside A-Z count up to nine characters each).'
  );
}

/** The length of the longest request this filter makes: its encoded address plus the other parameters. */
export function filterRequestLength(filter: string | undefined): number {
  const base = `${API_BASE_PATH}${REFERRALS_PATH}?`.length + OTHER_PARAMETERS_ALLOWANCE;
  return filter ? base + 'filter='.length + encodeURIComponent(filter).length : base;
}

/**
 * A filter-expression error when the combined filter would make requests over the limit; null when
 * it fits. `typed` is the text in the field: the whole of it is marked.
 */
export function filterLengthProblem(filter: string | undefined, typed: string): FilterError | null {
  const length = filterRequestLength(filter);
  if (length <= MAX_REQUEST_URL_LENGTH) return null;
  return { message: requestTooLongMessage(length), position: 0, length: typed.length };
}
