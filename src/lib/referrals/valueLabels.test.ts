import { describe, expect, it } from 'vitest';
import { fieldValueLabel, orgSizeLabel } from './valueLabels';

describe('orgSizeLabel', () => {
  it('says sizes the way people do, and leaves unknown values alone', () => {
    expect(orgSizeLabel('1to9employees')).toBe('1–9');
    expect(orgSizeLabel('10001to20000employees')).toBe('10,001–20,000');
    expect(orgSizeLabel('Morethan20000employees')).toBe('20,000+');
    expect(orgSizeLabel('Huge')).toBe('Huge');
  });
});

describe('fieldValueLabel', () => {
  it('relabels organisation sizes only', () => {
    expect(fieldValueLabel('customerOrgSize', '51to250employees')).toBe('51–250');
    expect(fieldValueLabel('customerMarket', '51to250employees')).toBe('51to250employees');
    expect(fieldValueLabel('status', 'Won')).toBe('Won');
  });
});
