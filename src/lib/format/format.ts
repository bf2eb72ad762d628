// Numbers, percentages and dates as the partner's browser writes them (de-DE: "4.460", "12,2 %",
// "28. Sept."). One module, so every figure on screen follows the same locale; formatters are
// built once per locale and options, since constructing Intl objects is costly and charts format
// thousands of values. Dates here are UTC days and instants: the callers say "UTC" where it matters.

/** undefined: the browser's own locale (navigator.language), as Intl picks it. */
export type Locale = string | undefined;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** The formatters of one locale; `formattersFor(undefined)` follows the browser. */
export interface Formatters {
  /** "12,345" (en-US), "12.345" (de-DE). */
  count(value: number): string;
  /** A ratio as a percentage to one decimal: "12.2%", "12,2 %"; null is "—" (nothing to divide by). */
  percent(value: number | null): string;
  /** A change as a signed percentage: "+12.5%", "-3%", "0%". */
  signedPercent(value: number): string;
  /** A number to at most one decimal, signed when asked: "3.5", "+1.2". */
  decimal(value: number, options?: { signed?: boolean }): string;
  /** A UTC day with its year: "Sep 28, 2026", "28. Sept. 2026". */
  utcDay(date: Date): string;
  /** A UTC day without its year, for axes: "Sep 28", "28. Sept.". */
  utcShortDay(date: Date): string;
  /** A UTC month: "Sep 2026", "Sept. 2026". */
  utcMonth(date: Date): string;
  /** A UTC instant to the minute: "Sep 28, 2026, 11:30 PM", "28.09.2026, 23:30". */
  utcDateTime(date: Date): string;
}

export function formattersFor(locale: Locale): Formatters {
  return {
    count: (value) => numberFormat(locale, {}).format(value),
    percent: (value) =>
      value === null
        ? '—'
        : numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    signedPercent: (value) =>
      numberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(value),
    decimal: (value, { signed = false } = {}) =>
      numberFormat(locale, {
        maximumFractionDigits: 1,
        ...(signed ? { signDisplay: 'exceptZero' } : {}),
      }).format(value),
    utcDay: (date) =>
      dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date),
    utcShortDay: (date) => dateFormat(locale, { month: 'short', day: 'numeric' }).format(date),
    utcMonth: (date) => dateFormat(locale, { year: 'numeric', month: 'short' }).format(date),
    utcDateTime: (date) =>
      dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date),
  };
}

// The app's own: one argument each, so they also serve as callbacks (a chart's tickFormatter
// passes an index second).
const browser = formattersFor(undefined);
export const formatCount = (value: number) => browser.count(value);
export const formatPercent = (value: number | null) => browser.percent(value);
export const formatSignedPercent = (value: number) => browser.signedPercent(value);
export const formatDecimal = (value: number, options?: { signed?: boolean }) =>
  browser.decimal(value, options);
export const formatUtcDay = (date: Date) => browser.utcDay(date);
export const formatUtcShortDay = (date: Date) => browser.utcShortDay(date);
export const formatUtcMonth = (date: Date) => browser.utcMonth(date);
export const formatUtcDateTime = (date: Date) => browser.utcDateTime(date);
