import { describe, expect, it } from 'vitest';
import { toFunnel } from './funnel';

describe('toFunnel', () => {
  it('gives each stage its share of created and the conversion from the stage before', () => {
    const funnel = toFunnel({
      createdDate: 200,
      acknowledgedDate: 150,
      acceptedDate: 100,
      wonDate: 25,
      expiredDate: 20,
      missedDate: 10,
      declinedDate: 30,
      lostDate: 40,
      skippedDate: 5,
      archivedDate: 15,
    });
    expect(funnel.stages.map((s) => [s.label, s.count, s.shareOfCreated, s.conversion])).toEqual([
      ['Created', 200, 1, null],
      ['Acknowledged', 150, 0.75, 0.75],
      ['Accepted', 100, 0.5, 100 / 150],
      ['Won', 25, 0.125, 0.25],
    ]);
    expect(funnel.dropOuts.map((d) => [d.label, d.count, d.shareOfCreated])).toEqual([
      ['Declined', 30, 0.15],
      ['Expired', 20, 0.1],
      ['Missed', 10, 0.05],
      ['Skipped', 5, 0.025],
      ['Lost', 40, 0.2],
      ['Archived', 15, 0.075],
    ]);
  });

  it('names its first stage after the date the range applies to', () => {
    const counts = { createdDate: 4, acknowledgedDate: 4, acceptedDate: 4, wonDate: 1 };
    const funnel = toFunnel(
      {
        ...counts,
        expiredDate: 0,
        missedDate: 0,
        declinedDate: 0,
        lostDate: 0,
        skippedDate: 0,
        archivedDate: 0,
      },
      'Accepted in range',
    );
    expect(funnel.stages.map((s) => s.label)).toEqual([
      'Accepted in range',
      'Acknowledged',
      'Accepted',
      'Won',
    ]);
  });

  it('has no rates, rather than 0 % or NaN, when nothing was created', () => {
    const funnel = toFunnel({
      createdDate: 0,
      acknowledgedDate: 0,
      acceptedDate: 0,
      wonDate: 0,
      expiredDate: 0,
      missedDate: 0,
      declinedDate: 0,
      lostDate: 0,
      skippedDate: 0,
      archivedDate: 0,
    });
    for (const step of [...funnel.stages, ...funnel.dropOuts]) {
      expect(step.shareOfCreated).toBeNull();
      expect(step.conversion).toBeNull();
    }
  });
});
