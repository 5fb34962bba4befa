import type { Site } from './types.js';

/** The protocol as data (GET /v1/trials/{trialId}/protocol): the parts the screens offer as choices. */
export interface SimpleCriterion {
  readonly id: string;
  readonly kind: 'inclusion' | 'exclusion';
  readonly text: string;
  readonly rule: 'observation' | 'attestation';
  readonly code: string;
  readonly comparator?: '>=' | '<=' | '>' | '<' | '=';
  readonly threshold?: number | string | boolean;
  readonly unit?: string;
  readonly withinDaysBefore?: number;
}

export interface AnyOfCriterion {
  readonly id: string;
  readonly kind: 'inclusion' | 'exclusion';
  readonly text: string;
  readonly rule: 'anyOf';
  readonly criteria: readonly SimpleCriterion[];
}

/** Age is checked from the registration; other rules the API may add are shown as text. */
export type Criterion = SimpleCriterion | AnyOfCriterion | { readonly id: string; readonly kind: 'inclusion' | 'exclusion'; readonly text: string; readonly rule: string };

export interface Visit {
  readonly id: string;
  readonly label: string;
  readonly nominalDay: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
  readonly anchor: string;
  /** Instruments due at the visit, per cohort id; `*` applies to every cohort. */
  readonly instruments?: Readonly<Record<string, readonly string[]>>;
}

export interface Protocol {
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly title: string;
  readonly dayNumbering: string;
  readonly sites: readonly Site[];
  readonly cohorts: readonly { readonly id: string; readonly disease: string; readonly label: string; readonly eligibility: readonly Criterion[] }[];
  readonly consent: { readonly icfVersions: readonly { readonly version: string; readonly approvedFrom: string; readonly approvedUntil?: string }[]; readonly adultAgeYears: number };
  readonly screening: { readonly windowDays: number };
  readonly doseLevels: readonly { readonly id: string; readonly label: string; readonly dose: { readonly basis: 'PER_KG'; readonly carPositiveCellsPerKg: number; readonly maxTotalCells?: number } | { readonly basis: 'FIXED'; readonly carPositiveCells: number } }[];
  readonly washout: { readonly referenceEvent: string; readonly classes: readonly { readonly drugClass: string; readonly label: string; readonly minimumDays: number; readonly note?: string }[] };
  readonly lymphodepletion: { readonly regimen: { readonly label: string; readonly drugs: readonly { readonly drug: string; readonly doseMgPerM2PerDay: number; readonly dayOffsets: readonly number[] }[] }; readonly doseTolerancePercent: number; readonly requireLotBeforeStart: boolean };
  readonly infusion: { readonly thawToInfusionLimitMinutes: number; readonly maxDaysFromLymphodepletionEnd: number; readonly doseTolerancePercent: number };
  readonly dlt: { readonly window: { readonly startDay: number; readonly endDay: number; readonly startInclusive: boolean; readonly endInclusive: boolean } };
  readonly aeCollection: { readonly endDay: number };
  readonly safetyReporting?: { readonly saeReportHours: number };
  readonly visits: readonly Visit[];
}

export const isSimple = (c: Criterion): c is SimpleCriterion => c.rule === 'observation' || c.rule === 'attestation';
export const isAnyOf = (c: Criterion): c is AnyOfCriterion => c.rule === 'anyOf';

/** Every criterion a person records (an observation or an attestation), with the alternatives of an anyOf. */
export function recordableCriteria(criteria: readonly Criterion[]): SimpleCriterion[] {
  return criteria.flatMap((c) => (isAnyOf(c) ? c.criteria.filter(isSimple) : isSimple(c) ? [c] : []));
}
