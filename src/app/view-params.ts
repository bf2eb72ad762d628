// Every query key the signed-in pages read, with its parser: saved views use them to say which
// settings of an old view no longer apply. A page that adds keys adds its parsers here.
import { filterParsers } from '../features/filters/url-state';
import { tableParsers } from '../features/referrals/table-url-state';
import type { UrlParamParsers } from '../features/saved-views/view-address';

export const VIEW_URL_PARSERS: UrlParamParsers = { ...filterParsers, ...tableParsers };
