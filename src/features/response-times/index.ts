// The response-times feature's public face.
export { ResponseTimesPage } from './components/response-times-page';
export { responseTimesQueriesAt } from './api/response-times';
