// fast-check generators of filter bar states, for property tests (imported by tests only).
import fc from 'fast-check';
import { DATE_FIELDS } from '../../../lib/referrals/schema';
import { RANGE_PRESETS } from '../date-range';
import type { DashboardFilters } from '../filter-state';

export const isoDayArbitrary = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Values as they might come from the data: any text, quotes and commas included, or a few realistic ones. */
export const filterValueArbitrary = fc.oneof(
  fc.string({ minLength: 1, unit: 'grapheme' }),
  fc.constantFrom('Won', 'Lost', 'US', 'GB', "O'Brien", "''", 'a,b', '10to50employees'),
);

const values = fc.uniqueArray(filterValueArbitrary, { maxLength: 4 });

export const filtersArbitrary: fc.Arbitrary<DashboardFilters> = fc
  .record({
    preset: fc.constantFrom(...RANGE_PRESETS),
    from: fc.option(isoDayArbitrary),
    to: fc.option(isoDayArbitrary),
    dateField: fc.constantFrom(...DATE_FIELDS),
    status: values,
    customerMarket: values,
    partnerMarket: values,
    customerOrgSize: values,
    customerName: fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', "O'Brien", "it's 'quoted'"),
    ),
    reached: fc.option(fc.constantFrom(...DATE_FIELDS)),
    // Valid and invalid typed expressions: an invalid one is left out of the filter.
    expression: fc.constantFrom(
      '',
      "customerMarket eq 'US' or customerMarket eq 'DE'",
      "not contains(customerName, 'O''Brien')",
      'status eq',
    ),
  })
  .map((f) => (f.preset === 'custom' ? f : { ...f, from: null, to: null }));
