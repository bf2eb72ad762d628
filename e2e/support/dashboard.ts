// The dashboard's charts, by the titles that name their figures: one list for the specs and the benches.
export const CHART_TITLES = [
  'Referrals per status',
  'Referral funnel',
  'Referrals by customer market',
  'Referrals by organisation size',
  'Win rate over time',
] as const;
