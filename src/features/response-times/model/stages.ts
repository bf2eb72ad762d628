// The stages the page times, each from the referral's creation.
import type { DateField } from '../../../lib/referrals/schema';

export interface Stage {
  key: 'acknowledge' | 'accept' | 'win';
  field: DateField;
  /** "Time to acknowledge" */
  title: string;
  /** "acknowledged" */
  verb: string;
}

export const STAGES: readonly Stage[] = [
  {
    key: 'acknowledge',
    field: 'acknowledgedDate',
    title: 'Time to acknowledge',
    verb: 'acknowledged',
  },
  { key: 'accept', field: 'acceptedDate', title: 'Time to accept', verb: 'accepted' },
  { key: 'win', field: 'wonDate', title: 'Time to win', verb: 'won' },
];

/** Service levels: acknowledged within 24 h, 72 h and before the 14-day expiry, in days. */
export const SERVICE_LEVELS = [
  { key: 'within24h', label: 'Acknowledged within 24 h', days: 1 },
  { key: 'within72h', label: 'Acknowledged within 72 h', days: 3 },
  { key: 'beforeExpiry', label: 'Acknowledged before expiry (14 days)', days: 14 },
] as const;
export type ServiceLevelKey = (typeof SERVICE_LEVELS)[number]['key'];
