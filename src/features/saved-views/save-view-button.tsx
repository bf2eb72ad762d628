import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from './saved-views';
import { usePopover } from './use-popover';

/** "Save view": names the current address and keeps it in the account's list. */
export function SaveViewButton({ onSave }: { onSave: (name: string) => boolean }) {
  const { open, setOpen, close, rootRef, buttonRef } = usePopover();
  const [name, setName] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const inputId = useId();

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (onSave(name)) {
      setName('');
      close(true);
    }
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
        Save view
      </button>
      {open && (
        <form id={panelId} className="share-toolbar__panel" onSubmit={submit}>
          <label htmlFor={inputId}>View name</label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            required
            placeholder="e.g. Won this quarter, US"
            onChange={(event) => setName(event.target.value)}
          />
          <div className="share-toolbar__actions">
            <button type="submit" className="button button--primary">
              Save
            </button>
            <button type="button" className="button" onClick={() => close(true)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
