import { describe, expect, it } from 'vitest';
import { addressProblems, problemsMessage } from '../features/saved-views/view-address';
import { VIEW_URL_PARSERS as parsers } from './view-params';

// Saved views checked against the app's real URL parsers, so these tests follow them.

describe('addressProblems', () => {
  it('finds nothing wrong with an address the app makes', () => {
    expect(
      addressProblems('/?range=6m&status=Won&status=Lost&page=2&sort=createdDate.desc', parsers),
    ).toEqual({ unknownKeys: [], invalidKeys: [] });
  });

  it('names keys whose value no longer parses, and keys no page reads', () => {
    expect(
      addressProblems('/?range=fortnight&page=0&status=Won&compare=lastYear&theme=dark', parsers),
    ).toEqual({ unknownKeys: ['theme'], invalidKeys: ['range', 'page', 'compare'] });
  });

  it('keeps the comparison of a saved view', () => {
    expect(addressProblems('/?compare=last-year', parsers)).toEqual({
      unknownKeys: [],
      invalidKeys: [],
    });
    expect(addressProblems('/?compare=off', parsers)).toEqual({ unknownKeys: [], invalidKeys: [] });
  });

  it('accepts a view saved before a field existed (it takes the default)', () => {
    expect(addressProblems('/', parsers)).toEqual({ unknownKeys: [], invalidKeys: [] });
  });
});

describe('problemsMessage', () => {
  it('is silent when the view opened as saved', () => {
    expect(problemsMessage('Q3', { unknownKeys: [], invalidKeys: [] })).toBeNull();
  });

  it('names the settings left at their defaults', () => {
    expect(problemsMessage('Q3', { unknownKeys: ['compare'], invalidKeys: ['range'] })).toBe(
      'Opened “Q3”, but some of its settings (“range”, “compare”) are no longer understood and were left at the default. Save the view again to update it.',
    );
  });
});
