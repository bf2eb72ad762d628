import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { SavedView } from './saved-views';
import { usePopover } from './use-popover';

export interface ViewsMenuProps {
  views: readonly SavedView[];
  onOpen: (view: SavedView) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  onExport: () => void;
  onImport: (text: string) => void;
}

/** The account's saved views: open, rename, delete; export and import the list as a file. */
export function ViewsMenu({
  views,
  onOpen,
  onRename,
  onDelete,
  onExport,
  onImport,
}: ViewsMenuProps) {
  const { open, setOpen, close, rootRef, buttonRef } = usePopover();
  const panelId = useId();
  const headingId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const firstItemRef = useRef<HTMLElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (open) firstItemRef.current?.focus();
  }, [open]);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    onImport(await file.text());
    close(true);
  }

  return (
    <div className="share-toolbar__popover-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button share-toolbar__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        Views{views.length > 0 ? ` (${views.length})` : ''}
      </button>
      {open && (
        <section
          ref={panelRef}
          tabIndex={-1}
          id={panelId}
          className="share-toolbar__panel share-toolbar__panel--views"
          aria-labelledby={headingId}
        >
          <h2 id={headingId} className="share-toolbar__heading">
            Saved views
          </h2>
          {views.length === 0 ? (
            <p className="share-toolbar__empty">
              No saved views yet. Use Save view to keep this page with its filters.
            </p>
          ) : (
            <ul className="share-toolbar__list">
              {views.map((view, index) => (
                <ViewItem
                  key={view.id}
                  view={view}
                  focusRef={index === 0 ? firstItemRef : undefined}
                  onOpen={() => {
                    close(true);
                    onOpen(view);
                  }}
                  onRename={(name) => onRename(view.id, name)}
                  onDelete={() => {
                    onDelete(view.id);
                    // The row is gone; keep focus inside the panel rather than lose it.
                    panelRef.current?.focus();
                  }}
                />
              ))}
            </ul>
          )}
          <div className="share-toolbar__actions">
            <button
              type="button"
              className="button"
              disabled={views.length === 0}
              onClick={onExport}
            >
              Export views
            </button>
            <button type="button" className="button" onClick={() => fileRef.current?.click()}>
              Import views
            </button>
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Saved views file to import"
              onChange={(event) => void importFile(event)}
            />
          </div>
        </section>
      )}
    </div>
  );
}

function ViewItem({
  view,
  focusRef,
  onOpen,
  onRename,
  onDelete,
}: {
  view: SavedView;
  focusRef?: Ref<HTMLElement>;
  onOpen: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm-delete'>('show');
  const [name, setName] = useState(view.name);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  // After renaming or keeping, focus goes back to the button that started it.
  const returnToRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (mode !== 'show' || returnToRef.current === null) return;
    returnToRef.current.focus();
    returnToRef.current = null;
  }, [mode]);
  const finish = () => setMode('show');

  // Escape inside a row ends the row's editing only; the panel stays open.
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    finish();
  };

  if (mode === 'rename') {
    return (
      <li className="share-toolbar__item">
        <form
          className="share-toolbar__rename"
          onKeyDown={cancelOnEscape}
          onSubmit={(event) => {
            event.preventDefault();
            onRename(name);
            finish();
          }}
        >
          <input
            type="text"
            aria-label={`New name for ${view.name}`}
            value={name}
            required
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button">
            Rename
          </button>
        </form>
      </li>
    );
  }
  if (mode === 'confirm-delete') {
    return (
      <li className="share-toolbar__item" onKeyDown={cancelOnEscape}>
        <span className="share-toolbar__confirm">Delete “{view.name}”?</span>
        <button type="button" className="button" autoFocus onClick={onDelete}>
          Delete
        </button>
        <button type="button" className="button" onClick={finish}>
          Keep
        </button>
      </li>
    );
  }
  return (
    <li className="share-toolbar__item">
      <a
        ref={focusRef as Ref<HTMLAnchorElement>}
        className="share-toolbar__open"
        href={view.address}
        onClick={(event) => {
          // A plain click opens it here; modified clicks keep the browser's new-tab behaviour.
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          onOpen();
        }}
      >
        {view.name}
      </a>
      <button
        ref={renameButtonRef}
        type="button"
        className="share-toolbar__small"
        aria-label={`Rename ${view.name}`}
        onClick={() => {
          setName(view.name);
          returnToRef.current = renameButtonRef.current;
          setMode('rename');
        }}
      >
        Rename
      </button>
      <button
        ref={deleteButtonRef}
        type="button"
        className="share-toolbar__small"
        aria-label={`Delete ${view.name}`}
        onClick={() => {
          returnToRef.current = deleteButtonRef.current;
          setMode('confirm-delete');
        }}
      >
        Delete
      </button>
    </li>
  );
}
