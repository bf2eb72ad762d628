import { describe, expect, it } from 'vitest';
import { openCounts } from './open';

describe('openCounts', () => {
  it('counts referrals awaiting an answer and accepted ones awaiting an outcome; other statuses are neither', () => {
    expect(
      openCounts([
        { key: { status: 'New', createdDate: '2026-01-01T00:00:00' }, count: 2 },
        { key: { status: 'Acknowledged', createdDate: '2026-01-02T00:00:00' }, count: 3 },
        { key: { status: 'Accepted', createdDate: '2026-01-02T00:00:00' }, count: 4 },
        { key: { status: 'Won', createdDate: '2026-01-02T00:00:00' }, count: 5 },
        { key: { status: 'OnHold', createdDate: '2026-01-02T00:00:00' }, count: 6 },
        { key: { status: null, createdDate: null }, count: 7 },
      ]),
    ).toEqual({ awaitingAnswer: 5, awaitingOutcome: 4 });
  });
});
