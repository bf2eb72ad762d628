import { describe, expect, it } from 'vitest';
import { generateReferrals } from './data/generate';
import { executeReferralsQuery, prepareDataset } from './engine';
import { createBodySerializer } from './serialize';

const dataset = prepareDataset(
  generateReferrals({ seed: 5, count: 3000, anchor: Date.UTC(2026, 2, 1) }),
);

function answer(query: string): unknown {
  return executeReferralsQuery(dataset, new URLSearchParams(query)).body;
}

describe('createBodySerializer', () => {
  it('writes exactly what JSON.stringify writes, for pages sent again and pages that overlap', () => {
    const serialize = createBodySerializer();
    for (const query of [
      'top=500',
      'top=500',
      'top=700&skip=300',
      'top=10000',
      "filter=customerMarket eq 'JP'",
    ]) {
      const body = answer(query);
      expect(serialize(body).toString('utf8')).toBe(JSON.stringify(body));
    }
  });

  it('writes grouped answers, empty pages and errors as JSON.stringify does', () => {
    const serialize = createBodySerializer();
    for (const query of [
      'groupby=status',
      'groupby=id&top=5',
      "filter=id eq 'none'",
      'top=0',
      'skip=999999',
    ]) {
      const body = answer(query);
      expect(serialize(body).toString('utf8')).toBe(JSON.stringify(body));
    }
  });

  it('keeps names in every script intact as UTF-8', () => {
    const serialize = createBodySerializer();
    const body = answer('top=3000');
    const parsed = JSON.parse(serialize(body).toString('utf8')) as {
      Value: { customerName: string }[];
    };
    const names = parsed.Value.map((row) => row.customerName).join('');
    expect(names).toMatch(/\p{Script=Han}/u);
    expect(names).toMatch(/\p{Script=Arabic}/u);
    expect(parsed).toEqual(body);
  });
});
