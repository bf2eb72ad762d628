// A multi-select as a disclosure: a button named after the field opens a group of checkboxes, one per value the
// data holds. Native checkboxes keep it keyboard- and screen-reader-friendly without an ARIA listbox.
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../../lib/analytics/rates';
import type { Choice } from './choices';

export interface MultiSelectProps {
  label: string;
  selected: readonly string[];
  choices: readonly Choice[];
  isLoading: boolean;
  isError: boolean;
  onRetry(): void;
  onChange(selected: string[]): void;
  /** Called when the user shows interest (hover, focus, open), so choices can load before they are needed. */
  onWarmUp(): void;
}

/** Choices in runs under their group's heading: the main list (no group) first, as ordered. */
function groupsOf(choices: readonly Choice[]): { group?: string; choices: Choice[] }[] {
  const groups = new Map<string | undefined, Choice[]>();
  for (const choice of choices) {
    const list = groups.get(choice.group) ?? [];
    list.push(choice);
    groups.set(choice.group, list);
  }
  return [...groups].map(([group, listed]) =>
    group === undefined ? { choices: listed } : { group, choices: listed },
  );
}

/** With more choices than this, a search box narrows them. */
const SEARCH_THRESHOLD = 12;

export function MultiSelect(props: MultiSelectProps) {
  const { label, selected, choices, isLoading, isError, onRetry, onChange, onWarmUp } = props;
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const summaryId = useId();

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    setSearch('');
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };

  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));

  const needle = search.trim().toLocaleLowerCase();
  // A market is found by its code or its country ("DE", "Germany").
  const shown = needle
    ? choices.filter((c) =>
        [c.label, c.detail ?? ''].some((text) => text.toLocaleLowerCase().includes(needle)),
      )
    : choices;

  return (
    <div
      className="multi-select"
      ref={rootRef}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) {
          setOpen(false);
          setSearch('');
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="multi-select__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={summaryId}
        onPointerEnter={onWarmUp}
        onFocus={onWarmUp}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {label}
        {selected.length > 0 && (
          <span className="multi-select__count" aria-hidden="true">
            {selected.length}
          </span>
        )}
        <span className="multi-select__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <span id={summaryId} className="visually-hidden">
        {selected.length === 0 ? 'Any' : `${selected.length} selected`}
      </span>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          className="multi-select__panel"
          role="group"
          aria-label={label}
        >
          {choices.length > SEARCH_THRESHOLD && (
            <input
              type="search"
              className="multi-select__search"
              aria-label={`Search ${label}`}
              placeholder="Search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
          {isLoading && choices.length === 0 && (
            <p className="multi-select__note">Loading choices…</p>
          )}
          {isError && (
            <p className="multi-select__note" role="alert">
              Could not load the choices.{' '}
              <button type="button" className="link-button" onClick={onRetry}>
                Try again
              </button>
            </p>
          )}
          {!isLoading && !isError && choices.length === 0 && (
            <p className="multi-select__note">
              No values in the referrals that match the other filters.
            </p>
          )}
          {groupsOf(shown).map(({ group, choices: listed }, index) => (
            <Fragment key={group ?? ''}>
              {group !== undefined && (
                <p className="multi-select__group" id={`${panelId}-group-${index}`}>
                  {group}
                </p>
              )}
              <ul
                className="multi-select__options"
                aria-labelledby={group === undefined ? undefined : `${panelId}-group-${index}`}
              >
                {listed.map((choice) => (
                  <li key={choice.value}>
                    <label>
                      <input
                        type="checkbox"
                        checked={selected.includes(choice.value)}
                        onChange={(event) => toggle(choice.value, event.target.checked)}
                      />
                      <span className="multi-select__value">{choice.label}</span>
                      {choice.detail && (
                        <span className="multi-select__detail">{choice.detail}</span>
                      )}
                    </label>
                    {choice.count !== null && (
                      <span className="multi-select__value-count">{formatCount(choice.count)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </Fragment>
          ))}
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange([])}>
              Clear {label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
