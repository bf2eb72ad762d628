// The awaiting feature's public face.
export { AwaitingSection } from './components/awaiting-section';
