// The response-times feature's public face.
export { ResponseTimesPage } from './components/ResponseTimesPage';
