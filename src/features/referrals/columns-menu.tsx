import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReferralField } from '../../lib/referrals/schema';
import { DEFAULT_COLUMN_PREFERENCES, moveColumn } from './column-preferences';
import { FIELD_LABELS } from './fields';
import type { ReferralsTableModel } from './use-referrals-table';

/**
 * Show, hide and reorder columns. Move buttons make ordering keyboard- and screen-reader-friendly;
 * widths are changed with the handles in the headers (arrow keys or dragging). It closes on Esc
 * (focus back on its button) and on a click outside.
 */
export function ColumnsMenu({ model }: { model: ReferralsTableModel }) {
  const { table, preferences, setPreferences } = model;
  const isVisible = (field: ReferralField) => preferences.visibility[field] !== false;
  const move = (field: ReferralField, direction: -1 | 1) =>
    table.setColumnOrder(moveColumn(preferences.order, field, direction, isVisible));
  const visibleOrder = preferences.order.filter(isVisible);
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const close = () => {
    setOpen(false);
    summaryRef.current?.focus();
  };

  // A click anywhere else closes it, as menus do.
  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close();
  };

  return (
    <details
      ref={menuRef}
      className="columns-menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={closeOnEscape}
    >
      <summary ref={summaryRef} className="button">
        Columns
      </summary>
      <div className="columns-menu__panel">
        <ul className="columns-menu__list">
          {preferences.order.map((field) => {
            const column = table.getColumn(field);
            const label = FIELD_LABELS[field];
            const visible = isVisible(field);
            const place = visibleOrder.indexOf(field);
            return (
              <li key={field} className="columns-menu__item">
                <label>
                  <input
                    type="checkbox"
                    checked={visible}
                    disabled={!column?.getCanHide()}
                    onChange={(event) => column?.toggleVisibility(event.target.checked)}
                  />
                  {label}
                </label>
                <span className="columns-menu__moves">
                  <button
                    type="button"
                    aria-label={`Move ${label} left`}
                    title="Move left"
                    disabled={!visible || place <= 0}
                    onClick={() => move(field, -1)}
                  >
                    <span aria-hidden="true">←</span>
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${label} right`}
                    title="Move right"
                    disabled={!visible || place === visibleOrder.length - 1}
                    onClick={() => move(field, 1)}
                  >
                    <span aria-hidden="true">→</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button columns-menu__reset"
          onClick={() => setPreferences(DEFAULT_COLUMN_PREFERENCES)}
        >
          Reset columns
        </button>
      </div>
    </details>
  );
}
