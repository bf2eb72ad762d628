import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { typedExpression } from './api-filter';
import { FilterExpressionForm } from './filter-expression-form';

const validate = (text: string) => {
  const result = typedExpression(text);
  return result.ok ? null : result.error;
};

function renderForm(applied = '') {
  const onApply = vi.fn();
  render(<FilterExpressionForm applied={applied} validate={validate} onApply={onApply} />);
  return { onApply, input: screen.getByRole('textbox', { name: 'Filter expression' }) };
}

describe('FilterExpressionForm', () => {
  it('applies a valid expression', async () => {
    const user = userEvent.setup();
    const { onApply, input } = renderForm();
    await user.type(input, "customerMarket eq 'US'");
    await user.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onApply).toHaveBeenCalledWith("customerMarket eq 'US'");
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refuses an invalid expression, says what and where, and keeps the text', async () => {
    const user = userEvent.setup();
    const { onApply, input } = renderForm();
    const typed = "customerMarket eq 'US' and";
    await user.type(input, `${typed}{Enter}`);
    expect(onApply).not.toHaveBeenCalled();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The filter expression was not applied.');
    expect(alert).toHaveTextContent(/position \d+/);
    expect(input).toHaveValue(typed);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    // The caret line points under the problem.
    const caretLine = alert.querySelector('pre')?.textContent?.split('\n')[1] ?? '';
    expect(caretLine.indexOf('^')).toBeGreaterThanOrEqual(typed.indexOf('and'));
  });

  it('names an unknown field', async () => {
    const user = userEvent.setup();
    const { input } = renderForm();
    await user.type(input, "colour eq 'red'{Enter}");
    expect(screen.getByRole('alert')).toHaveTextContent(/colour/);
  });

  it('checks an expression that arrives in a link', () => {
    const { input } = renderForm("status eq 'Won' or");
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(input).toHaveValue("status eq 'Won' or");
  });

  it('clears the expression', async () => {
    const user = userEvent.setup();
    const { onApply, input } = renderForm("customerMarket eq 'US'");
    await user.click(screen.getByRole('button', { name: 'Clear expression' }));
    expect(onApply).toHaveBeenCalledWith('');
    expect(input).toHaveValue('');
  });

  it('renders markup in the typed text as text', async () => {
    const user = userEvent.setup();
    const { input } = renderForm();
    await user.type(input, "customerName eq '<img src=x onerror=alert(1)>' and{Enter}");
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('alert').querySelector('pre')).toHaveTextContent('<img src=x');
  });
});
