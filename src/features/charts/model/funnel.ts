// The referral funnel from stage counts. A referral that was won was also accepted and acknowledged, so each stage
// counts the referrals whose date for that stage is set (`<stage>Date ne null`), not their current status.
import type { DateField } from '../../../lib/referrals/schema';
import { ratio } from './rates';

export const FUNNEL_STAGES = [
  { field: 'createdDate', label: 'Created' },
  { field: 'acknowledgedDate', label: 'Acknowledged' },
  { field: 'acceptedDate', label: 'Accepted' },
  { field: 'wonDate', label: 'Won' },
] as const satisfies readonly { field: DateField; label: string }[];

/** Ways out of the funnel, with the stage they leave from. */
export const FUNNEL_DROP_OUTS = [
  { field: 'expiredDate', label: 'Expired' },
  { field: 'missedDate', label: 'Missed' },
  { field: 'declinedDate', label: 'Declined' },
  { field: 'lostDate', label: 'Lost' },
] as const satisfies readonly { field: DateField; label: string }[];

export type FunnelField =
  (typeof FUNNEL_STAGES)[number]['field'] | (typeof FUNNEL_DROP_OUTS)[number]['field'];
export const FUNNEL_FIELDS: readonly FunnelField[] = [
  ...FUNNEL_STAGES.map((s) => s.field),
  ...FUNNEL_DROP_OUTS.map((d) => d.field),
];

export interface FunnelStep {
  field: FunnelField;
  label: string;
  count: number;
  /** Share of created referrals that reached this step. */
  shareOfCreated: number | null;
  /** Share of the previous stage that went on to this one (stages after the first only). */
  conversion: number | null;
}

export interface Funnel {
  stages: FunnelStep[];
  dropOuts: FunnelStep[];
}

export function toFunnel(counts: Readonly<Record<FunnelField, number>>): Funnel {
  const created = counts.createdDate;
  const stages = FUNNEL_STAGES.map((stage, index) => {
    const before = FUNNEL_STAGES[index - 1];
    return {
      field: stage.field,
      label: stage.label,
      count: counts[stage.field],
      shareOfCreated: ratio(counts[stage.field], created),
      conversion: before ? ratio(counts[stage.field], counts[before.field]) : null,
    };
  });
  const dropOuts = FUNNEL_DROP_OUTS.map((dropOut) => ({
    field: dropOut.field,
    label: dropOut.label,
    count: counts[dropOut.field],
    shareOfCreated: ratio(counts[dropOut.field], created),
    conversion: null,
  }));
  return { stages, dropOuts };
}
