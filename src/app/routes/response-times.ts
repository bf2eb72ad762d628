// `/response-times`: one grouped query per stage for the view at the address.
import { responseTimesQueriesAt } from '../../features/response-times';
import type { ViewQueries } from './view-loader';

export const responseTimesQueries: ViewQueries = ({ client }, { url }, now) =>
  responseTimesQueriesAt(client, url.search, now);
