import { describe, expect, it } from 'vitest';
import { tableFilter } from './tableQuery';

describe('tableFilter', () => {
  it('is empty when neither the bar nor the expression filters', () => {
    expect(tableFilter(undefined, '')).toEqual({ ok: true, value: undefined });
    expect(tableFilter(undefined, '   ')).toEqual({ ok: true, value: undefined });
  });

  it('passes either filter alone', () => {
    expect(tableFilter("status eq 'Won'", '')).toEqual({ ok: true, value: "status eq 'Won'" });
    expect(tableFilter(undefined, "customerMarket eq 'US'")).toEqual({
      ok: true,
      value: "customerMarket eq 'US'",
    });
  });

  it('joins both with and, keeping an or together', () => {
    expect(
      tableFilter("status eq 'Won'", "customerMarket eq 'US' or customerMarket eq 'DE'"),
    ).toEqual({
      ok: true,
      value: "status eq 'Won' and (customerMarket eq 'US' or customerMarket eq 'DE')",
    });
  });

  it('reports what is wrong and where in the expression, before anything is sent', () => {
    const result = tableFilter("status eq 'Won'", "customerName eq 'Contoso' and");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBeGreaterThanOrEqual(25);
    expect(result.error.message).toMatch(/position/i);
  });

  it('catches unknown fields and type mismatches', () => {
    expect(tableFilter(undefined, "colour eq 'red'").ok).toBe(false);
    expect(tableFilter(undefined, "createdDate eq 'soon'").ok).toBe(false);
  });
});
