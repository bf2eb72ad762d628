import { describe, expect, it } from 'vitest';
import { orgSizeLabel } from './orgSizeLabel';

describe('orgSizeLabel', () => {
  it('says sizes the way people do, and leaves unknown values alone', () => {
    expect(orgSizeLabel('1to9employees')).toBe('1–9');
    expect(orgSizeLabel('10001to20000employees')).toBe('10,001–20,000');
    expect(orgSizeLabel('Morethan20000employees')).toBe('20,000+');
    expect(orgSizeLabel('Huge')).toBe('Huge');
  });
});
