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

/** Serialises, copies the text out and releases, as the server does once a response has finished. */
function text(serialize: ReturnType<typeof createBodySerializer>, body: unknown): string {
  const encoded = serialize(body);
  const result = encoded.bytes.toString('utf8');
  encoded.release();
  return result;
}

describe('createBodySerializer', () => {
  it('answers identically after warming every row in the background', async () => {
    const serialize = createBodySerializer();
    serialize.warm(dataset.rows);
    const early = answer('top=100');
    expect(text(serialize, early)).toBe(JSON.stringify(early));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const whole = answer('top=10000');
    expect(text(serialize, whole)).toBe(JSON.stringify(whole));
    serialize.dispose();
  });

  it('writes exactly what JSON.stringify writes, for pages sent again and pages that overlap', () => {
    const serialize = createBodySerializer();
    const queries = [
      'top=500',
      'top=500',
      'top=700&skip=300',
      'top=10000',
      "filter=customerMarket eq 'JP'",
      'top=2',
    ];
    for (const query of queries) {
      const body = answer(query);
      expect(text(serialize, body)).toBe(JSON.stringify(body));
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
      expect(text(serialize, body)).toBe(JSON.stringify(body));
    }
  });

  it('never hands out bytes that are still in use', () => {
    const serialize = createBodySerializer();
    const first = serialize(answer('top=1000'));
    const expected = first.bytes.toString('utf8');
    const second = serialize(answer('top=1000&skip=1000'));
    const third = serialize(answer('top=1000&skip=2000'));
    expect(first.bytes.toString('utf8')).toBe(expected);
    second.release();
    third.release();
    serialize(answer('top=900&skip=100')).release();
    expect(first.bytes.toString('utf8')).toBe(expected);
    first.release();
  });

  it('keeps names in every script intact as UTF-8', () => {
    const serialize = createBodySerializer();
    const body = answer('top=3000');
    const parsed = JSON.parse(text(serialize, body)) as { Value: { customerName: string }[] };
    const names = parsed.Value.map((row) => row.customerName).join('');
    expect(names).toMatch(/\p{Script=Han}/u);
    expect(names).toMatch(/\p{Script=Arabic}/u);
    expect(parsed).toEqual(body);
  });
});
