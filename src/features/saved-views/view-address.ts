// What of a saved address the current app can no longer read. Pages read their URL with typed
// parsers that fall back to defaults (see filters/url-state.ts), so an old view always opens; this
// says which of its settings were left at their defaults, so the user is told instead of surprised.

/** A page's URL parser (the shape of a nuqs parser), one per query key. */
export type UrlParamParser =
  | { type?: 'single'; parse: (value: string) => unknown }
  | { type: 'multi'; parse: (values: readonly string[]) => unknown };

export type UrlParamParsers = Readonly<Record<string, UrlParamParser>>;

export interface AddressProblems {
  /** Keys no page knows (a setting removed or renamed since the view was saved). */
  unknownKeys: string[];
  /** Keys whose value no longer parses. */
  invalidKeys: string[];
}

function parses(parser: UrlParamParser, values: string[]): boolean {
  try {
    if (parser.type === 'multi') return parser.parse(values) !== null;
    return values.every((value) => parser.parse(value) !== null);
  } catch {
    return false;
  }
}

export function addressProblems(address: string, parsers: UrlParamParsers): AddressProblems {
  const search = new URL(address, 'https://app.invalid').searchParams;
  const unknownKeys: string[] = [];
  const invalidKeys: string[] = [];
  for (const key of new Set(search.keys())) {
    const parser = Object.hasOwn(parsers, key) ? parsers[key] : undefined;
    if (parser === undefined) unknownKeys.push(key);
    else if (!parses(parser, search.getAll(key))) invalidKeys.push(key);
  }
  return { unknownKeys, invalidKeys };
}

/** The sentence shown after opening a view with problems, or null when it opened as saved. */
export function problemsMessage(name: string, problems: AddressProblems): string | null {
  const keys = [...problems.invalidKeys, ...problems.unknownKeys];
  if (keys.length === 0) return null;
  const list = keys.map((key) => `“${key}”`).join(', ');
  return `Opened “${name}”, but ${keys.length === 1 ? 'one of its settings' : 'some of its settings'} (${list}) ${
    keys.length === 1 ? 'is' : 'are'
  } no longer understood and ${keys.length === 1 ? 'was' : 'were'} left at the default. Save the view again to update it.`;
}
