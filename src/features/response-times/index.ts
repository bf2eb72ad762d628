// The response-times feature's public face.
export { ResponseTimesPage } from './components/ResponseTimesPage';
export { responseTimesQueriesAt } from './api/responseTimesQueries';
