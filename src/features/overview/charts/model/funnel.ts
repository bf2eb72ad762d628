// The referral funnel from stage counts. A referral that was won was also accepted and acknowledged, so each stage
// counts the referrals whose date for that stage is set (`<stage>Date ne null`), not their current status.
import type { DateField } from '../../../../lib/referrals/schema';
import { ratio } from '../../../../lib/analytics/rates';

export const FUNNEL_STAGES = [
  { field: 'createdDate', label: 'Created' },
  { field: 'acknowledgedDate', label: 'Acknowledged' },
  { field: 'acceptedDate', label: 'Accepted' },
  { field: 'wonDate', label: 'Won' },
] as const satisfies readonly { field: DateField; label: string }[];

/**
 * Every way out of the funnel the contract names: declined, expired without an answer, missed (another partner
 * took it), skipped, lost, and archived (closed away, often after another way out, so the ways out can overlap).
 */
export const FUNNEL_DROP_OUTS = [
  { field: 'declinedDate', label: 'Declined' },
  { field: 'expiredDate', label: 'Expired' },
  { field: 'missedDate', label: 'Missed' },
  { field: 'skippedDate', label: 'Skipped' },
  { field: 'lostDate', label: 'Lost' },
  { field: 'archivedDate', label: 'Archived' },
] as const satisfies readonly { field: DateField; label: string }[];

export type FunnelField =
  (typeof FUNNEL_STAGES)[number]['field'] | (typeof FUNNEL_DROP_OUTS)[number]['field'];

export interface FunnelStep {
  field: FunnelField;
  label: string;
  count: number;
  /** Share of the first stage (the view's referrals) that reached this step. */
  shareOfCreated: number | null;
  /** Share of the previous stage that went on to this one (stages after the first only). */
  conversion: number | null;
}

export interface Funnel {
  stages: FunnelStep[];
  dropOuts: FunnelStep[];
}

/**
 * The funnel of the view's referrals. Its first stage is every referral of the view: "Created", or, when the range
 * applies to another date, named after it (`firstLabel`, e.g. "Accepted in range").
 */
export function toFunnel(
  counts: Readonly<Record<FunnelField, number>>,
  firstLabel: string = FUNNEL_STAGES[0].label,
): Funnel {
  const created = counts.createdDate;
  const stages = FUNNEL_STAGES.map((stage, index) => {
    const before = FUNNEL_STAGES[index - 1];
    return {
      field: stage.field,
      label: index === 0 ? firstLabel : stage.label,
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
