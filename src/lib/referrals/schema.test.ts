import { describe, expect, it } from 'vitest';
import { DATE_FIELDS, REFERRAL_FIELDS, fieldType, isReferralField } from './schema';

describe('referral schema', () => {
  it('lists every field once, dates typed as dates', () => {
    expect(new Set(REFERRAL_FIELDS).size).toBe(REFERRAL_FIELDS.length);
    expect(REFERRAL_FIELDS).toHaveLength(16);
    for (const field of DATE_FIELDS) expect(fieldType(field)).toBe('date');
    expect(fieldType('customerName')).toBe('string');
  });

  it('field names are case-sensitive', () => {
    expect(isReferralField('createdDate')).toBe(true);
    expect(isReferralField('CreatedDate')).toBe(false);
  });
});
