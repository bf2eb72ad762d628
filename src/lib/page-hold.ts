// Work that leaving or reloading the page would lose, such as an export's fetched rows. While any is held, sign-in
// does not send the page away on its own (see access-token.ts) and the browser asks before the page is left.
const holds = new Set<symbol>();

function askBeforeLeaving(event: BeforeUnloadEvent) {
  event.preventDefault();
}

/** Holds the page until the returned function is called (once or more). */
export function holdPage(): () => void {
  const hold = Symbol('page hold');
  // Optional: there is no window where tests run outside a DOM.
  if (holds.size === 0) globalThis.addEventListener?.('beforeunload', askBeforeLeaving);
  holds.add(hold);
  return () => {
    if (holds.delete(hold) && holds.size === 0) {
      globalThis.removeEventListener?.('beforeunload', askBeforeLeaving);
    }
  };
}

export function pageIsHeld(): boolean {
  return holds.size > 0;
}
