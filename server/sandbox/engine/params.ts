// Reads and validates the query parameters (../shared/api/referrals-api.md, "Query parameters" and "Where the
// documentation is silent"): every bad parameter is refused with a description, never silently corrected.

import {
  AGGREGATION_LEVELS,
  MAX_TOP,
  REFERRAL_FIELDS,
  isDateField,
  isReferralField,
  type AggregationLevel,
  type ReferralField,
} from '../../../src/lib/referrals/schema';

export interface QueryPlan {
  /** The filter text as given (URL-decoded), or null when there is none. */
  readonly filter: string | null;
  /** Groupby fields in the order given, or null for an ungrouped query. */
  readonly groupby: readonly ReferralField[] | null;
  /** The level date fields are bucketed at: day unless the request says otherwise. */
  readonly level: AggregationLevel;
  readonly top: number;
  readonly skip: number;
}

export type PlanResult = { ok: true; plan: QueryPlan } | { ok: false; description: string };

export const KNOWN_PARAMETERS = ['filter', 'groupby', 'aggregationLevel', 'top', 'skip'] as const;

const WHOLE_NUMBER = /^[0-9]{1,15}$/;

function shown(value: string): string {
  return value.length > 40 ? `'${value.slice(0, 37)}...'` : `'${value}'`;
}

function readGroupby(text: string): ReferralField[] | string {
  if (text.trim() === '') {
    return 'groupby is empty: give one or more field names separated by commas, such as groupby=status,createdDate.';
  }
  const fields: ReferralField[] = [];
  for (const [index, part] of text.split(',').entries()) {
    // Spaces around names (`status, createdDate`) are tolerated: they cannot mean anything else.
    const name = part.trim();
    if (name === '') {
      return `groupby has an empty field name in place ${index + 1} of ${shown(text)}: remove the extra comma.`;
    }
    if (!isReferralField(name)) {
      return `groupby names an unknown field ${shown(name)}. Fields are: ${REFERRAL_FIELDS.join(', ')} (names are case-sensitive).`;
    }
    if (fields.includes(name)) return `groupby names ${name} twice: give each field once.`;
    fields.push(name);
  }
  return fields;
}

export function readQueryPlan(params: URLSearchParams): PlanResult {
  const refuse = (description: string): PlanResult => ({ ok: false, description });

  for (const name of KNOWN_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) return refuse(`The parameter ${name} is given ${count} times: give it once.`);
  }

  const topText = params.get('top');
  let top = MAX_TOP;
  if (topText !== null) {
    top = WHOLE_NUMBER.test(topText) ? Number(topText) : NaN;
    if (!(top >= 1 && top <= MAX_TOP)) {
      return refuse(
        `top must be a whole number from 1 to ${MAX_TOP}, but it is ${shown(topText)}.`,
      );
    }
  }

  const skipText = params.get('skip');
  let skip = 0;
  if (skipText !== null) {
    if (!WHOLE_NUMBER.test(skipText)) {
      return refuse(`skip must be a whole number, 0 or more, but it is ${shown(skipText)}.`);
    }
    skip = Number(skipText);
  }

  const groupbyText = params.get('groupby');
  let groupby: ReferralField[] | null = null;
  if (groupbyText !== null) {
    const read = readGroupby(groupbyText);
    if (typeof read === 'string') return refuse(read);
    groupby = read;
  }

  const levelText = params.get('aggregationLevel');
  let level: AggregationLevel = 'day';
  if (levelText !== null) {
    const known = AGGREGATION_LEVELS.find((candidate) => candidate === levelText);
    if (!known) {
      return refuse(`aggregationLevel must be day, week or month, but it is ${shown(levelText)}.`);
    }
    if (!groupby) {
      return refuse(
        `aggregationLevel needs a groupby with a date field, such as groupby=createdDate.`,
      );
    }
    // With no date field in groupby the level has nothing to apply to, and the contract says to ignore it.
    if (groupby.some(isDateField)) level = known;
  }

  return { ok: true, plan: { filter: params.get('filter'), groupby, level, top, skip } };
}
