// From grouped buckets (created date × stage date, per day or week) to cohort curves, percentiles and service
// levels. Every referral counts: one that has not reached a stage is censored at its age (see
// src/lib/analytics/cohort-curves.ts), never a failure and never dropped.
import {
  cumulativeIncidence,
  percentileOfReached,
  shareWithin,
  type CurvePoint,
  type StageObservation,
} from '../../../lib/analytics/cohort-curves';
import type { ReferralBucket } from '../../../lib/api/types';
import { MS_PER_DAY } from '../../../lib/filter-grammar';
import type { AggregationLevel } from '../../../lib/referrals/schema';
import { dayNumber, unitDays, unitOf, type Precision } from './precision';
import { SERVICE_LEVELS, STAGES, type ServiceLevelKey, type Stage } from './stages';

export interface CohortCurve {
  /** First day of the cohort (ISO), its key. */
  start: string;
  /** Referrals created in the cohort. */
  total: number;
  curve: CurvePoint[];
}

export interface StageTimes {
  stage: Stage;
  /** Oldest cohort first. */
  cohorts: CohortCurve[];
  /** Every referral of the view, each cohort at its own age. */
  all: CurvePoint[];
  total: number;
  reached: number;
  /** Percentiles of the time to the stage among referrals reaching it in the time watched, in units; null for none. */
  p50: number | null;
  p90: number | null;
}

export interface ServiceLevelRow {
  /** Customer market; null where the API gave none. */
  market: string | null;
  total: number;
  shares: Record<ServiceLevelKey, number | null>;
}

export interface ResponseTimesModel {
  precision: Precision;
  /** The data's age: the newest day any bucket names (never after today), as days since 1970-01-01. */
  asOfDay: number;
  stages: StageTimes[];
  /** Every market together, then each market, most referrals first. */
  serviceLevels: { overall: Omit<ServiceLevelRow, 'market'>; byMarket: ServiceLevelRow[] };
}

export type StageBuckets = Record<Stage['key'], readonly ReferralBucket[]>;

/** Referrals created in the same ISO week or calendar month (UTC). */
export type CohortSize = 'week' | 'month';

/** The filter bar's granularity picks the cohorts: days are too few referrals for a curve, so weeks. */
export function cohortSizeFor(granularity: AggregationLevel): CohortSize {
  return granularity === 'month' ? 'month' : 'week';
}

/** The first day (ISO) of the cohort of a day number. */
export function cohortStart(day: number, size: CohortSize): string {
  const date = new Date(day * MS_PER_DAY);
  if (size === 'week') {
    const monday = day - ((((day - 4) % 7) + 7) % 7);
    return new Date(monday * MS_PER_DAY).toISOString().slice(0, 10);
  }
  return `${date.toISOString().slice(0, 7)}-01`;
}

/** The newest day among the buckets' dates, never after `todayDay`. */
export function newestDay(buckets: StageBuckets, todayDay: number): number {
  let newest = -Infinity;
  for (const stage of STAGES) {
    for (const bucket of buckets[stage.key]) {
      for (const field of ['createdDate', stage.field] as const) {
        const day = dayNumber(bucket.key[field]);
        if (day !== null && day > newest) newest = day;
      }
    }
  }
  return Number.isFinite(newest) ? Math.min(newest, todayDay) : todayDay;
}

interface Observed extends StageObservation {
  createdDay: number;
  market: string | null;
}

function observations(
  buckets: readonly ReferralBucket[],
  stage: Stage,
  precision: Precision,
  asOfUnit: number,
): Observed[] {
  const out: Observed[] = [];
  for (const bucket of buckets) {
    const createdDay = dayNumber(bucket.key.createdDate);
    if (createdDay === null || bucket.count <= 0) continue;
    const createdUnit = unitOf(createdDay, precision);
    const reachedDay = dayNumber(bucket.key[stage.field]);
    out.push({
      createdDay,
      market: bucket.key.customerMarket ?? null,
      duration: reachedDay === null ? null : unitOf(reachedDay, precision) - createdUnit,
      age: Math.max(0, asOfUnit - createdUnit),
      count: bucket.count,
    });
  }
  return out;
}

function sum(rows: readonly { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

function stageTimes(rows: readonly Observed[], stage: Stage, size: CohortSize): StageTimes {
  const byCohort = new Map<string, Observed[]>();
  for (const row of rows) {
    const start = cohortStart(row.createdDay, size);
    const list = byCohort.get(start);
    if (list) list.push(row);
    else byCohort.set(start, [row]);
  }
  const cohorts = [...byCohort.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, list]) => ({ start, total: sum(list), curve: cumulativeIncidence(list) }));
  const all = cumulativeIncidence(rows);
  return {
    stage,
    cohorts,
    all,
    total: sum(rows),
    reached: sum(rows.filter((row) => row.duration !== null)),
    p50: percentileOfReached(all, 0.5),
    p90: percentileOfReached(all, 0.9),
  };
}

function serviceLevels(
  curve: readonly CurvePoint[],
  precision: Precision,
): Record<ServiceLevelKey, number | null> {
  const perUnit = unitDays(precision);
  const entries = SERVICE_LEVELS.map(({ key, days }) => {
    // A level finer than the precision cannot be told (24 h in weeks).
    const units = days / perUnit;
    return [key, Number.isInteger(units) ? shareWithin(curve, units) : null] as const;
  });
  return Object.fromEntries(entries) as Record<ServiceLevelKey, number | null>;
}

/**
 * The whole page's figures. `buckets.acknowledge` is grouped by customer market too, for service levels per
 * market; the other stages by created date and stage date only.
 */
export function responseTimesModel(
  buckets: StageBuckets,
  precision: Precision,
  size: CohortSize,
  todayDay: number,
): ResponseTimesModel {
  const asOfDay = newestDay(buckets, todayDay);
  const asOfUnit = unitOf(asOfDay, precision);
  const stages = STAGES.map((stage) =>
    stageTimes(observations(buckets[stage.key], stage, precision, asOfUnit), stage, size),
  );

  const acknowledge = observations(buckets.acknowledge, STAGES[0] as Stage, precision, asOfUnit);
  const byMarket = new Map<string | null, Observed[]>();
  for (const row of acknowledge) {
    const list = byMarket.get(row.market);
    if (list) list.push(row);
    else byMarket.set(row.market, [row]);
  }
  const markets = [...byMarket.entries()]
    .map(([market, list]) => ({
      market,
      total: sum(list),
      shares: serviceLevels(cumulativeIncidence(list), precision),
    }))
    .sort((a, b) => b.total - a.total || String(a.market).localeCompare(String(b.market)));
  const overall = {
    total: sum(acknowledge),
    shares: serviceLevels(cumulativeIncidence(acknowledge), precision),
  };
  return { precision, asOfDay, stages, serviceLevels: { overall, byMarket: markets } };
}
