// The one filter grammar of Referral Lens, shared by the app (validating what users type, building what it sends)
// and the sandbox API (parsing and checking every request's filter).
//
// Positions: every FilterError has `position`, a 0-based offset in UTF-16 code units (what input selections use),
// and usually `length`; messages say "at position N" counting from 1, like an editor's column.

export type {
  And,
  BooleanLiteral,
  CheckedFilter,
  CompareOp,
  Comparison,
  Contains,
  DateLiteral,
  Expr,
  FieldRef,
  FilterError,
  FilterResult,
  Literal,
  Not,
  NullLiteral,
  Operand,
  Operands,
  Or,
  Span,
  StringLiteral,
  TypedExpr,
} from './ast';
export { COMPARE_OPS } from './ast';
export { parseFilter } from './parser';
export { checkFilter, validateFilter } from './check';
export { printFilter, quoteString } from './printer';
export { withoutSpans } from './spans';
export {
  and,
  compare,
  contains,
  dateRange,
  eq,
  inList,
  ne,
  not,
  or,
  type FilterPart,
} from './builders';
export { MS_PER_DAY, civilFromDays, daysFromCivil, parseIsoInstant, type CivilDate } from './dates';
