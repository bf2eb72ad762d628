import { describe, expect, it } from 'vitest';
import { distinctQueries, spreadingCombiner, spreadResults } from './distinct-queries';

describe('distinctQueries', () => {
  it('asks each query once and gives every place that asked its answer', () => {
    const asked = [
      { queryKey: ['referrals', 'count', 'a'] },
      { queryKey: ['referrals', 'count', 'a'] },
      { queryKey: ['referrals', 'count', 'b'] },
    ];
    const { queries, positions } = distinctQueries(asked);
    expect(queries).toEqual([asked[0], asked[2]]);
    expect(positions).toEqual([0, 0, 1]);
    expect(spreadResults(['A', 'B'], positions)).toEqual(['A', 'A', 'B']);
  });

  it('treats keys as React Query does: object key order does not matter', () => {
    const { queries } = distinctQueries([
      { queryKey: ['grouped', { filter: 'x', top: 1 }] },
      { queryKey: ['grouped', { top: 1, filter: 'x' }] },
    ]);
    expect(queries).toHaveLength(1);
  });

  it('leaves a list without repeats as it is', () => {
    const asked = [{ queryKey: ['a'] }, { queryKey: ['b'] }];
    expect(distinctQueries(asked)).toEqual({ queries: asked, positions: [0, 1] });
  });
});

describe('spreadingCombiner', () => {
  it('gives one function per key and layout, which spreads the answers before combining', () => {
    const cache = new Map<string, (results: string[]) => string>();
    const join = (results: string[]) => results.join('+');
    const first = spreadingCombiner(cache, 'k', [0, 0, 1], join);
    expect(spreadingCombiner(cache, 'k', [0, 0, 1], join)).toBe(first);
    expect(first(['A', 'B'])).toBe('A+A+B');
    expect(spreadingCombiner(cache, 'k', [0, 1, 2], join)).not.toBe(first);
  });
});
