import { useEffect, useRef } from 'react';
import type { FilterChip, FilterTarget } from './chips';

/**
 * Active filters as buttons named "Remove filter: …". When one goes, focus moves to the chip that took its
 * place (or the list itself when none is left), so keyboard users are not sent back to the top of the page.
 */
export function FilterChips({
  chips,
  onRemove,
  onClearAll,
}: {
  chips: readonly FilterChip[];
  onRemove(target: FilterTarget): void;
  onClearAll(): void;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    const buttons = rootRef.current?.querySelectorAll<HTMLButtonElement>('button');
    const next = buttons?.[Math.min(index, buttons.length - 1)];
    (next ?? rootRef.current)?.focus();
  }, [chips]);

  const remove = (index: number, target: FilterTarget | null) => {
    pendingFocus.current = index;
    if (target) onRemove(target);
    else onClearAll();
  };

  return (
    <div className="filter-chips" ref={rootRef} tabIndex={-1}>
      {chips.length > 0 && (
        <ul aria-label="Active filters">
          {chips.map((chip, index) => (
            <li key={chip.id}>
              <button type="button" className="chip" onClick={() => remove(index, chip.target)}>
                <span className="visually-hidden">Remove filter: </span>
                {chip.label}
                <span aria-hidden="true" className="chip__x">
                  ×
                </span>
              </button>
            </li>
          ))}
          {chips.length > 1 && (
            <li>
              <button type="button" className="link-button" onClick={() => remove(0, null)}>
                Clear all filters
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
