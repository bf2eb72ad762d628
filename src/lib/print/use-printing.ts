// Whether the page is being printed (or saved as PDF): from `beforeprint` until `afterprint`, or while the print
// media query matches (emulated print media, and browsers that re-evaluate it for printing). Charts read it to draw
// in light colours at the paper's width, since their SVG attributes cannot follow the print stylesheet.
import { useSyncExternalStore } from 'react';

const PRINT = 'print';
let printing = false;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(PRINT);
  const before = () => {
    printing = true;
    onChange();
  };
  const after = () => {
    printing = false;
    onChange();
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  media?.addEventListener('change', onChange);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    media?.removeEventListener('change', onChange);
  };
}

function snapshot(): boolean {
  return printing || (window.matchMedia?.(PRINT).matches ?? false);
}

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
