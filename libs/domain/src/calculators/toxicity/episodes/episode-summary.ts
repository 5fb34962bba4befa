import { calculated, calculationError, invalid, roundHalfUp, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { instant, numberInRange, oneOf, type IsoInstant } from '../inputs.js';
import { DAY_NUMBERINGS, isTimeZone, studyDay, type DayNumbering } from './study-day.js';

export interface GradedAssessment {
  readonly at: IsoInstant;
  /** The grade of this assessment (CRS or ICANS, 0-5), e.g. from crsGrade or icansGrade. */
  readonly grade: number;
}

export interface EpisodeSummaryInputs {
  readonly toxicity: 'crs' | 'icans';
  readonly infusionAt: IsoInstant;
  /** IANA zone of the site: study days are local calendar days. */
  readonly timeZone: string;
  readonly dayNumbering: DayNumbering;
  readonly assessments: readonly GradedAssessment[];
}

export type GradeKey = '1' | '2' | '3' | '4' | '5';

export interface ToxicityEpisode {
  readonly id: string;
  readonly toxicity: 'crs' | 'icans';
  readonly onsetAt: IsoInstant;
  readonly onsetDay: number;
  readonly hoursFromInfusionToOnset: number;
  readonly maxGrade: number;
  /** First assessment at the maximum grade. */
  readonly maxGradeAt: IsoInstant;
  readonly lastGrade: number;
  readonly lastAssessedAt: IsoInstant;
  /** Resolved = a later assessment graded 0; a fatal episode never resolves. */
  readonly resolved: boolean;
  readonly fatal: boolean;
  readonly resolvedAt?: IsoInstant;
  readonly resolutionDay?: number;
  /** Onset to resolution, one decimal; absent while unresolved. */
  readonly durationHours?: number;
  readonly durationDays?: number;
  /**
   * Hours spent at or above each grade, each assessment's grade holding until the next assessment (and not
   * past the last one): what "grade 3 lasting more than 72 h" rules compare. One decimal.
   */
  readonly hoursAtOrAboveGrade: Readonly<Record<GradeKey, number>>;
}

export interface EpisodeSummary {
  /** Highest grade over all assessments (0 when none was positive). */
  readonly maxGrade: number;
  readonly episodes: readonly ToxicityEpisode[];
}

export type EpisodeSummaryResult = CalculatorResult<EpisodeSummary, EpisodeSummaryInputs, { readonly assessmentCount: number }>;

const HOUR_MS = 3_600_000;
const GRADES: readonly GradeKey[] = ['1', '2', '3', '4', '5'];
const hours = (ms: number) => roundHalfUp(ms / HOUR_MS, 1);

interface Point {
  readonly ms: number;
  readonly at: IsoInstant;
  readonly grade: number;
}

function parseAssessments(value: unknown, errors: CalculationError[]): Point[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(calculationError('MISSING_MEASURE', 'assessments', 'assessments must be a list (it may be empty)'));
    return undefined;
  }
  const points: Point[] = [];
  const seen = new Map<number, number>();
  value.forEach((a: Partial<GradedAssessment> | undefined, i) => {
    const ms = instant(a?.at, `assessments.${i}.at`, errors);
    const grade = numberInRange(a?.grade, `assessments.${i}.grade`, { min: 0, max: 5 }, errors, { integer: true });
    if (ms !== undefined && seen.has(ms)) errors.push(calculationError('INVALID_VALUE', `assessments.${i}.at`, `same instant as assessments.${seen.get(ms)}`));
    if (ms !== undefined) seen.set(ms, i);
    if (ms !== undefined && grade !== undefined) points.push({ ms, at: a?.at as IsoInstant, grade });
  });
  return points.sort((x, y) => x.ms - y.ms);
}

/** Splits a graded time series into episodes (first positive grade to the next grade 0) and summarises each. */
export function summariseEpisodes(inputs: EpisodeSummaryInputs): Calculation<EpisodeSummary, EpisodeSummaryInputs, { readonly assessmentCount: number }> {
  const errors: CalculationError[] = [];
  const toxicity = oneOf(inputs.toxicity, ['crs', 'icans'] as const, 'toxicity', errors);
  const infusionMs = instant(inputs.infusionAt, 'infusionAt', errors);
  if (!isTimeZone(inputs.timeZone)) errors.push(calculationError('INVALID_VALUE', 'timeZone', `timeZone must be an IANA zone such as Asia/Shanghai (got ${String(inputs.timeZone)})`));
  const numbering = oneOf(inputs.dayNumbering, DAY_NUMBERINGS, 'dayNumbering', errors);
  const points = parseAssessments(inputs.assessments, errors);
  if (errors.length > 0 || !toxicity || infusionMs === undefined || !numbering || !points) return invalid(...errors);

  const day = (ms: number) => studyDay(ms, infusionMs, inputs.timeZone, numbering);
  const episodes: ToxicityEpisode[] = [];
  let i = 0;
  while (i < points.length) {
    const onset = points[i];
    if (onset === undefined || onset.grade === 0) {
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < points.length && (points[end]?.grade ?? 0) > 0 && (points[end]?.grade ?? 0) < 5) end += 1;
    const span = points.slice(i, end + 1);
    const last = span[span.length - 1] ?? onset;
    const resolved = last.grade === 0;
    const within = resolved ? span.slice(0, -1) : span;
    const max = within.reduce((m, p) => (p.grade > m.grade ? p : m), onset);
    const atOrAbove = Object.fromEntries(
      GRADES.map((g) => [g, hours(span.slice(0, -1).reduce((sum, p, k) => sum + (p.grade >= Number(g) ? (span[k + 1]?.ms ?? p.ms) - p.ms : 0), 0))]),
    ) as Record<GradeKey, number>;
    const lastPositive = within[within.length - 1] ?? onset;
    episodes.push({
      id: `${toxicity}-episode-${episodes.length + 1}`,
      toxicity,
      onsetAt: onset.at,
      onsetDay: day(onset.ms),
      hoursFromInfusionToOnset: hours(onset.ms - infusionMs),
      maxGrade: max.grade,
      maxGradeAt: max.at,
      lastGrade: last.grade,
      lastAssessedAt: last.at,
      resolved,
      fatal: lastPositive.grade === 5,
      ...(resolved ? { resolvedAt: last.at, resolutionDay: day(last.ms), durationHours: hours(last.ms - onset.ms), durationDays: roundHalfUp((last.ms - onset.ms) / (24 * HOUR_MS), 1) } : {}),
      hoursAtOrAboveGrade: atOrAbove,
    });
    i = end + 1;
  }
  return calculated({
    calculator: `${toxicity}.episode-summary`,
    algorithmVersion: '1.0.0',
    value: { maxGrade: Math.max(0, ...points.map((p) => p.grade)), episodes },
    components: { assessmentCount: points.length },
    inputs,
    source: 'Episode = first assessment graded ≥1 to the next graded 0 (clinical-domain 2.2 software note); days per clinical-domain 0.2 and the protocol numbering.',
  });
}
