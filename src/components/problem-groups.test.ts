import { describe, expect, it } from 'vitest';
import { ApiError, invalidQueryError, networkError, signInError } from '../lib/api/errors';
import { pageWideProblems, problemKind } from './problem-groups';

const ids = { requestId: 'r', correlationId: 'c' };
const http = (status: number) => new ApiError({ status, description: `HTTP ${status}` });

describe('problemKind', () => {
  it('names what the partner can act on', () => {
    expect(problemKind(http(401))).toBe('sign-in');
    expect(problemKind(signInError(new Error('x'), ids))).toBe('sign-in');
    expect(problemKind(http(403))).toBe('access');
    expect(problemKind(http(429))).toBe('throttled');
    expect(problemKind(http(500))).toBe('server');
    expect(problemKind(http(503))).toBe('server');
    expect(problemKind(http(504))).toBe('timeout');
    expect(problemKind(http(400))).toBe('refused-query');
    expect(problemKind(invalidQueryError('too long'))).toBe('refused-query');
    expect(problemKind(networkError(new Error('x'), ids))).toBe('network');
    expect(problemKind(new Error('bug'))).toBe('other');
  });
});

describe('pageWideProblems', () => {
  it('keeps a problem in one place local', () => {
    expect(pageWideProblems([{ error: http(500), retrying: false }])).toEqual([]);
  });

  it('makes the same kind in two or more places page-wide, counting the places', () => {
    const first = http(500);
    const second = http(503);
    const groups = pageWideProblems([
      { error: first, retrying: false },
      { error: http(400), retrying: false },
      { error: second, retrying: false },
      { error: http(500), retrying: false },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'server', places: 3, retrying: false });
  });

  it('keeps different kinds apart: a refused sign-in and an outage are two messages', () => {
    const groups = pageWideProblems([
      { error: http(401), retrying: false },
      { error: http(500), retrying: false },
      { error: http(401), retrying: false },
      { error: http(500), retrying: false },
    ]);
    expect(groups.map((group) => group.kind)).toEqual(['sign-in', 'server']);
  });

  it('is retrying only while every place is, and then speaks for a failure that stopped', () => {
    const stopped = http(429);
    const groups = pageWideProblems([
      { error: http(429), retrying: true },
      { error: stopped, retrying: false },
      { error: http(429), retrying: true },
    ]);
    expect(groups[0]).toMatchObject({ retrying: false, error: stopped, places: 3 });
    const allRetrying = pageWideProblems([
      { error: http(429), retrying: true },
      { error: http(429), retrying: true },
    ]);
    expect(allRetrying[0]?.retrying).toBe(true);
  });
});
