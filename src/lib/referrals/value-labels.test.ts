import { describe, expect, it } from 'vitest';
import { fieldValueLabel, isOlderOrgSize, marketName, orgSizeLabel } from './value-labels';

describe('orgSizeLabel', () => {
  it('says sizes the way people do, and leaves unknown values alone', () => {
    expect(orgSizeLabel('1to9employees')).toBe('1–9');
    expect(orgSizeLabel('10001to20000employees')).toBe('10,001–20,000');
    expect(orgSizeLabel('Morethan20000employees')).toBe('20,000+');
    expect(orgSizeLabel('Huge')).toBe('Huge');
  });

  it('marks the older scheme’s sizes, which overlap the current ones', () => {
    expect(orgSizeLabel('1to50employees')).toBe('1–50 (older)');
    expect(orgSizeLabel('51to500employees')).toBe('51–500 (older)');
    expect(orgSizeLabel('Morethan500employees')).toBe('500+ (older)');
    expect(isOlderOrgSize('MORETHAN500EMPLOYEES')).toBe(true);
    expect(isOlderOrgSize('10to50employees')).toBe(false);
    expect(isOlderOrgSize('Huge')).toBe(false);
  });
});

describe('fieldValueLabel', () => {
  it('relabels organisation sizes only', () => {
    expect(fieldValueLabel('customerOrgSize', '51to250employees')).toBe('51–250');
    expect(fieldValueLabel('customerMarket', '51to250employees')).toBe('51to250employees');
    expect(fieldValueLabel('status', 'Won')).toBe('Won');
  });
});

describe('marketName', () => {
  it('names the country of a market code, and nothing for codes that name none', () => {
    expect(marketName('DE')).toBe('Germany');
    expect(marketName('us')).toBe('United States');
    expect(marketName('XX')).toBeNull();
    expect(marketName('Germany')).toBeNull();
    expect(marketName('')).toBeNull();
  });
});
