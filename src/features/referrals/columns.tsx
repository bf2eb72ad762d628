import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import {
  isDateField,
  REFERRAL_FIELDS,
  type Referral,
  type ReferralField,
} from '../../lib/referrals/schema';
import { fieldValueLabel } from '../../lib/referrals/value-labels';
import { ALWAYS_VISIBLE, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-preferences';
import { referralPath, type FromTableState } from './drilldown/links';
import { fieldHeader } from './fields';
import { useListSearchContext } from './list-search';
import { StatusBadge } from './status-badge';
import type { ReferralTableFeatures } from './table-features';
import { UtcDate } from './utc-date';

const helper = createColumnHelper<ReferralTableFeatures, Referral>();

const DEFAULT_WIDTHS: Partial<Record<ReferralField, number>> = {
  id: 130,
  status: 170,
  customerMarket: 180,
  customerName: 280,
  customerOrgSize: 230,
  partnerMarket: 180,
};
const DATE_WIDTH = 210;

/** Marks table links so the table can remember its scroll position before the drill-down opens. */
export const REFERRAL_LINK_ATTRIBUTE = 'data-referral-link';

function ReferralLink({ id }: { id: string }) {
  const search = useListSearchContext();
  const state: FromTableState = { fromTable: true, search };
  return (
    <Link to={referralPath(id, search)} state={state} {...{ [REFERRAL_LINK_ATTRIBUTE]: '' }}>
      {id}
    </Link>
  );
}

function renderCell(field: ReferralField, value: string | null) {
  if (field === 'id') return <ReferralLink id={value ?? ''} />;
  if (field === 'status') return <StatusBadge status={value ?? ''} />;
  if (isDateField(field)) return <UtcDate value={value} />;
  // Untrusted text (customer names) is rendered as text, never as markup.
  return value === null ? value : fieldValueLabel(field, value);
}

/** One column per field of the resource, in the documented order. */
export const referralColumns = helper.columns(
  REFERRAL_FIELDS.map((field) =>
    helper.accessor(field, {
      id: field,
      header: fieldHeader(field),
      cell: (context) => renderCell(field, context.getValue()),
      size: isDateField(field) ? DATE_WIDTH : (DEFAULT_WIDTHS[field] ?? 150),
      minSize: MIN_COLUMN_WIDTH,
      maxSize: MAX_COLUMN_WIDTH,
      enableHiding: !ALWAYS_VISIBLE.has(field),
      sortDescFirst: isDateField(field),
    }),
  ),
);
