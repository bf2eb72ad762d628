import {
  and,
  parseFilter,
  printFilter,
  validateFilter,
  type FilterResult,
} from '../../lib/filter-grammar';

/**
 * The filter the table sends: the filter bar's filter and the typed expression, joined with `and`
 * by the grammar module (which adds the parentheses an `or` needs). The typed text is validated
 * here, before anything is sent; an error says what is wrong and where.
 */
export function tableFilter(
  barFilter: string | undefined,
  expression: string,
): FilterResult<string | undefined> {
  let typed = null;
  if (expression.trim() !== '') {
    const checked = validateFilter(expression);
    if (!checked.ok) return checked;
    typed = checked.value.expr;
  }
  const bar = barFilter ? parseFilter(barFilter) : null;
  // The bar's filter is built by the grammar module; failing to parse it back is a bug, not input.
  if (bar && !bar.ok)
    throw new Error(`The filter bar built an unparseable filter: ${bar.error.message}`);
  const text = printFilter(and(bar?.value, typed));
  return { ok: true, value: text === '' ? undefined : text };
}
