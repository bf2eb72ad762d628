import { useId, useRef, useState, type FormEvent } from 'react';
import type { FilterError } from '../../lib/filter-grammar';

export interface FilterExpressionFormProps {
  /** The expression in effect (from the URL); '' for none. */
  applied: string;
  /** The problem with an expression, or null when it can be sent. */
  validate: (text: string) => FilterError | null;
  onApply: (text: string) => void;
}

const EXAMPLE = "customerMarket eq 'US' and contains(customerName, 'bank')";

function checkApplied(applied: string, validate: (text: string) => FilterError | null) {
  const error = applied === '' ? null : validate(applied);
  return error ? { text: applied, error } : null;
}

/**
 * A text field for the API's own filter grammar. What is typed is checked with the grammar module
 * before anything is sent; an error names the problem and points at it, and neither the typed
 * text nor the rows on screen are lost.
 */
export function FilterExpressionForm({ applied, validate, onApply }: FilterExpressionFormProps) {
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(applied);
  // An expression from a link is checked as soon as it arrives.
  const [problem, setProblem] = useState(() => checkApplied(applied, validate));
  // Applied elsewhere (its chip removed, back/forward): the field shows what is in effect, and keeps focus.
  const [shownApplied, setShownApplied] = useState(applied);
  if (applied !== shownApplied) {
    setShownApplied(applied);
    setDraft(applied);
    setProblem(checkApplied(applied, validate));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = draft.trim() === '' ? null : validate(draft);
    if (error) {
      setProblem({ text: draft, error });
      const input = inputRef.current;
      input?.focus();
      input?.setSelectionRange(error.position, error.position + Math.max(1, error.length ?? 1));
      return;
    }
    setProblem(null);
    onApply(draft.trim());
  }

  function clear() {
    setDraft('');
    setProblem(null);
    onApply('');
  }

  return (
    <form className="filter-expression" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="filter-expression__label">
        Filter expression
      </label>
      <div className="filter-expression__row">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          className="filter-expression__input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder={EXAMPLE}
          aria-invalid={problem !== null && problem.text === draft}
          aria-describedby={problem ? `${errorId} ${helpId}` : helpId}
        />
        <button type="submit" className="button button--primary">
          Apply filter
        </button>
        {(applied !== '' || draft !== '') && (
          <button type="button" className="button" onClick={clear}>
            Clear expression
          </button>
        )}
      </div>
      <p id={helpId} className="filter-expression__help">
        Narrows every figure, chart and the table, joined with the filters above by <code>and</code>
        . The API&apos;s filter grammar: fields such as <code>status</code> or{' '}
        <code>createdDate</code>, <code>eq ne gt ge lt le</code>,{' '}
        <code>contains(field, &apos;text&apos;)</code>, <code>and or not</code>, strings in single
        quotes.
      </p>
      {problem && <ExpressionError id={errorId} text={problem.text} error={problem.error} />}
    </form>
  );
}

function ExpressionError({ id, text, error }: { id: string; text: string; error: FilterError }) {
  const start = Math.min(error.position, text.length);
  const end = Math.min(text.length, start + Math.max(0, error.length ?? 0));
  return (
    <div id={id} role="alert" className="filter-expression__error">
      <p>
        <strong>The filter expression was not applied.</strong> {error.message}
      </p>
      {/* The expression with the problem marked and a caret under it; the message above says the
          same in words, so this picture is hidden from screen readers. */}
      <pre className="filter-expression__context" aria-hidden="true">
        {text.slice(0, start)}
        <mark>{text.slice(start, end)}</mark>
        {text.slice(end)}
        {'\n'}
        {' '.repeat(start)}^
      </pre>
    </div>
  );
}
