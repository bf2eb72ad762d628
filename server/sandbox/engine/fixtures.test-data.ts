// A small hand-made set of referrals for the engine's tests: year ends, month ends, a leap day, ties on
// createdDate, null dates, text that differs only in case, quotes and hostile strings.

import type { Referral } from '../../../src/lib/referrals/schema';

const NO_DATES = {
  acknowledgedDate: null,
  acceptedDate: null,
  declinedDate: null,
  expiredDate: null,
  lostDate: null,
  missedDate: null,
  skippedDate: null,
  wonDate: null,
  archivedDate: null,
} as const;

function referral(
  id: string,
  createdDate: string,
  status: string,
  customerName: string,
  customerMarket: string,
  more: Partial<Referral> = {},
): Referral {
  return {
    ...NO_DATES,
    id,
    status,
    customerMarket,
    customerName,
    customerOrgSize: '10to50employees',
    partnerMarket: customerMarket.toUpperCase(),
    createdDate,
    ...more,
  };
}

/** In no particular order: the engine sorts. */
export const FIXTURE_ROWS: readonly Referral[] = [
  referral('1', '2020-12-28T00:00:00', 'New', 'Contoso', 'US'),
  referral('2', '2020-12-31T23:59:59', 'Acknowledged', 'Fabrikam', 'GB', {
    acknowledgedDate: '2021-01-01T09:00:00',
  }),
  referral('3', '2021-01-03T12:00:00', 'Accepted', "O'Brien & Sons", 'IE', {
    acknowledgedDate: '2021-01-04T09:00:00',
    acceptedDate: '2021-01-05T09:00:00',
  }),
  referral('4', '2021-01-04T00:00:00', 'Won', "o'brien ltd", 'ie', {
    acknowledgedDate: '2021-01-04T10:00:00',
    acceptedDate: '2021-01-06T10:00:00',
    wonDate: '2021-02-01T00:00:00',
  }),
  referral('5', '2021-01-10T08:00:00', 'Lost', 'Northwind', 'US', {
    acknowledgedDate: '2021-01-10T09:00:00',
    acceptedDate: '2021-01-11T09:00:00',
    lostDate: '2021-03-01T00:00:00',
    customerOrgSize: '1to9employees',
  }),
  referral('6', '2024-02-29T10:00:00', 'Declined', '<img src=x onerror=alert(1)>', 'DE', {
    declinedDate: '2024-03-01T10:00:00',
  }),
  referral('7', '2024-03-01T00:00:00', 'Expired', '=SUM(A1:A2)', 'FR', {
    expiredDate: '2024-03-15T00:00:00',
  }),
  referral('8', '2025-06-15T14:30:00', 'Missed', '日本株式会社', 'JP', {
    missedDate: '2025-06-20T00:00:00',
  }),
  referral('9', '2025-12-29T00:00:00', 'Skipped', 'Ünïcödé GmbH', 'DE', {
    skippedDate: '2025-12-30T00:00:00',
  }),
  referral('10', '2025-12-29T00:00:00', 'Won', 'Contoso Pharma', 'us', {
    acknowledgedDate: '2025-12-29T01:00:00',
    acceptedDate: '2025-12-29T02:00:00',
    wonDate: '2025-12-31T23:59:59',
    customerOrgSize: 'Morethan20000employees',
  }),
  referral('11', '2026-01-01T00:00:00', 'New', 'Adatum', 'US'),
  referral('12', '2026-01-01T08:00:00', 'Acknowledged', 'adatum', 'US', {
    acknowledgedDate: '2026-01-02T08:00:00',
  }),
  referral('13', '2026-01-04T23:59:59', 'Archived', '+cmd|calc', 'BR', {
    declinedDate: '2026-01-05T00:00:00',
    archivedDate: '2026-01-20T00:00:00',
  }),
  referral('14', '2026-01-31T23:59:59', 'New', '-2+3', 'NL'),
  referral('15', '2026-02-01T00:00:00', 'Accepted', '@SUM(1)', 'AU', {
    acknowledgedDate: '2026-02-01T01:00:00',
    acceptedDate: '2026-02-01T02:00:00',
  }),
  referral('16', '2026-02-01T00:00:00', 'New', 'Tailspin Toys', 'CA'),
  referral('100', '2026-02-01T00:00:00', 'New', 'Wide World Importers', 'US'),
  referral('17', '2026-02-15T12:00:00', 'New', 'Zeta', 'US', { customerOrgSize: '1to9employees' }),
  referral('18', '2026-03-02T00:00:00', 'Won', 'alpha', 'GB', {
    acknowledgedDate: '2026-03-02T00:00:00',
    acceptedDate: '2026-03-02T00:00:00',
    wonDate: '2026-03-02T00:00:00',
  }),
  referral('19', '2026-03-02T00:00:00', 'Mystery', 'Beta', 'GB'),
];

/** Ids newest first, as the engine must order them: createdDate descending, then id descending numerically. */
export const IDS_NEWEST_FIRST = [
  '19',
  '18',
  '17',
  '100',
  '16',
  '15',
  '14',
  '13',
  '12',
  '11',
  '10',
  '9',
  '8',
  '7',
  '6',
  '5',
  '4',
  '3',
  '2',
  '1',
];
