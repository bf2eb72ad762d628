import { isDateField, REFERRAL_FIELDS, type Referral } from '../../../lib/referrals/schema';
import { fieldValueLabel } from '../../../lib/referrals/value-labels';
import { fieldHeader } from '../fields';
import { StatusBadge } from '../status-badge';
import { UtcDate } from '../utc-date';

/** Every field of the referral, labelled as in the table. */
export function ReferralDetails({ referral }: { referral: Referral }) {
  return (
    <dl className="referral-details">
      {REFERRAL_FIELDS.map((field) => {
        const value = referral[field];
        let shown;
        if (field === 'status') shown = <StatusBadge status={value ?? ''} />;
        else if (isDateField(field)) shown = value ? <UtcDate value={value} /> : 'Not reached';
        else shown = value === '' || value === null ? '—' : fieldValueLabel(field, value);
        return (
          <div key={field} className="referral-details__item">
            <dt>{fieldHeader(field)}</dt>
            <dd className={value === null ? 'referral-details__empty' : undefined}>{shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}
