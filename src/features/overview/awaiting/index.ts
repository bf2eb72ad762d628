// The awaiting list's face to the rest of the overview.
export { AwaitingSection } from './components/awaiting-section';
