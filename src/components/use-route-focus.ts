// After a route change, focus goes to the new page's heading instead of being dropped on <body>
// (where a keyboard or screen reader user would start again from the top). A control that survives
// the change keeps its focus (a drill-down's Next link, pressed again and again).
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** Frames to wait for the page's heading while its code or data loads (about 2 s). */
const MAX_FRAMES = 120;

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** `selector`: the page heading to focus, within the main landmark. */
export function useRouteFocus(selector = 'main h1'): void {
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  useEffect(() => {
    // The first page is where the browser puts the user anyway.
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    let frames = 0;
    let handle = 0;
    const focusHeading = () => {
      if (!focusIsLost()) return;
      const heading = document.querySelector<HTMLElement>(selector);
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        // The page decides its scroll (top, or the table's place on Back): focus must not move it.
        heading.focus({ preventScroll: true });
        return;
      }
      frames += 1;
      if (frames < MAX_FRAMES) handle = requestAnimationFrame(focusHeading);
    };
    focusHeading();
    return () => cancelAnimationFrame(handle);
  }, [pathname, selector]);
}
