// Free text is committed to the URL (and the API) after a pause in typing, not on every key.
import { useEffect, useState } from 'react';

const COMMIT_DELAY_MS = 400;

export function CustomerNameInput({
  value,
  onCommit,
}: {
  value: string;
  onCommit(value: string): void;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // A change from outside (a removed chip, back/forward) replaces what is in the box.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onCommit(text), COMMIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onCommit]);

  return (
    <label className="filter-field">
      <span>Customer name contains</span>
      <input
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onCommit(text);
          }
        }}
      />
    </label>
  );
}
