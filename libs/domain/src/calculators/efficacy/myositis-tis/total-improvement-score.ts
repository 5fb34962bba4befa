import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import type { Quantity } from '../../shared/quantity.js';
import { readChoice, readNumber, readQuantity, settle, type Errors } from '../common/read-input.js';
import { improvementLevel, pointsFor, TIS_MEASURES, TIS_THRESHOLDS, type TisImprovement, type TisMeasure, type TisPopulation } from './points.js';

export const TIS_SOURCE =
  'Aggarwal R et al. 2016 ACR/EULAR criteria for minimal, moderate and major clinical response in adult DM/PM. Arthritis Rheumatol 2017;69:898-910 / Ann Rheum Dis 2017;76:792-801; points: Rider LG et al. Rheumatology 2017;56:1884-93, Table 3';

/** Global activity: 10-cm VAS (0-10) or the IMACS 5-point Likert (0-4) [src: Rider 2011, Table 1]. */
export type GlobalScale = 'vas-cm' | 'likert';
const GLOBAL_RANGE: Readonly<Record<GlobalScale, number>> = { 'vas-cm': 10, likert: 4 };

export interface GlobalActivity {
  readonly baseline: number;
  readonly followUp: number;
  readonly scale: GlobalScale;
}

export const MUSCLE_ENZYMES = ['CK', 'aldolase', 'LDH', 'AST', 'ALT'] as const;
export type MuscleEnzyme = (typeof MUSCLE_ENZYMES)[number];

export interface EnzymeMeasurement {
  readonly enzyme: MuscleEnzyme;
  readonly baseline: Quantity;
  readonly followUp: Quantity;
  readonly upperLimitOfNormal: Quantity;
}

/** All six IMACS core set measures, baseline and follow-up (clinical-domain 3.14). */
export interface TisInput {
  /** Adult DM/PM (default) or JDM with IMACS measures (CHAQ in the `haq` slot); thresholds differ only. */
  readonly population?: TisPopulation;
  readonly physicianGlobal: GlobalActivity;
  readonly patientGlobal: GlobalActivity;
  /** MDAAT extramuscular global activity. */
  readonly extramuscularGlobal: GlobalActivity;
  /** MMT-8: 0-80 unilateral or 0-150 bilateral; higher is better. */
  readonly manualMuscleTesting: { readonly baseline: number; readonly followUp: number; readonly maximum: 80 | 150 };
  /** HAQ-DI (adults) or CHAQ (juvenile), 0-3. */
  readonly haq: { readonly baseline: number; readonly followUp: number };
  /** CK, aldolase, LDH, AST, ALT as measured; the most abnormal at baseline (highest multiple of its ULN) is scored. */
  readonly muscleEnzymes: readonly EnzymeMeasurement[];
}

export interface TisMeasureScore {
  readonly baseline: number;
  readonly followUp: number;
  /** Range of the scale, or the baseline for enzymes: the denominator of the percentage. */
  readonly denominator: number;
  /** Positive = improvement; unrounded. */
  readonly improvementPercent: number;
  readonly points: number;
}

export interface TisComponents {
  readonly population: TisPopulation;
  readonly thresholds: { readonly minimal: number; readonly moderate: number; readonly major: number };
  readonly measures: Readonly<Record<TisMeasure, TisMeasureScore>>;
  readonly enzymeScored: { readonly enzyme: MuscleEnzyme; readonly baselineTimesUpperLimit: number; readonly baselineWithinNormal: boolean };
  readonly improvement: TisImprovement;
}

function readGlobal(value: GlobalActivity | undefined, field: string, errors: Errors): Omit<TisMeasureScore, 'points' | 'improvementPercent'> | undefined {
  if (value === undefined || value === null) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required: the 2016 criteria use all six core set measures`));
    return undefined;
  }
  const scale = readChoice(value.scale, `${field}.scale`, ['vas-cm', 'likert'] as const, errors);
  if (scale === undefined) return undefined;
  const rule = { min: 0, max: GLOBAL_RANGE[scale], integer: scale === 'likert', scale: scale === 'likert' ? 'Likert 0-4' : 'VAS 0-10 cm' };
  const baseline = readNumber(value.baseline, `${field}.baseline`, rule, errors);
  const followUp = readNumber(value.followUp, `${field}.followUp`, rule, errors);
  return baseline === undefined || followUp === undefined ? undefined : { baseline, followUp, denominator: GLOBAL_RANGE[scale] };
}

function readEnzymes(value: readonly EnzymeMeasurement[] | undefined, errors: Errors) {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(calculationError('MISSING_MEASURE', 'muscleEnzymes', 'muscleEnzymes is required: at least one of CK, aldolase, LDH, AST, ALT with its upper limit of normal'));
    return undefined;
  }
  const before = errors.length;
  const read = value.map((m: Partial<EnzymeMeasurement>, index) => {
    const field = `muscleEnzymes.${index}`;
    const enzyme = readChoice(m?.enzyme, `${field}.enzyme`, MUSCLE_ENZYMES, errors);
    // An enzyme activity of zero is not a measurement, and the relative change needs a non-zero baseline.
    const baseline = readQuantity('enzymeActivity', m?.baseline, `${field}.baseline`, errors, { positive: true });
    const followUp = readQuantity('enzymeActivity', m?.followUp, `${field}.followUp`, errors, { min: 0 });
    const uln = readQuantity('enzymeActivity', m?.upperLimitOfNormal, `${field}.upperLimitOfNormal`, errors, { positive: true });
    return { enzyme, baseline, followUp, uln };
  });
  if (errors.length > before) return undefined;
  const valid = read as { enzyme: MuscleEnzyme; baseline: number; followUp: number; uln: number }[];
  // "Most abnormal" is the largest multiple of its own ULN; on a tie the first listed is kept (deterministic).
  return valid.reduce((worst, m) => (m.baseline / m.uln > worst.baseline / worst.uln ? m : worst));
}

/**
 * Total Improvement Score. Percent improvement per measure is the "absolute percent change" of the criteria:
 * change divided by the range of the scale (global activities, MMT, HAQ), and, for enzymes, which have no upper
 * bound, change relative to baseline [lit: Aggarwal 2017 definitions; the exact formula is marked unverified in
 * clinical-domain 3.14 — confirm against the IMACS calculator]. Consequences that are the rule here:
 * - a zero baseline on a range-scaled measure is well defined (0 → 0 is 0% and earns nothing);
 * - every one of the six measures is required; a missing one is an error, never imputed or scored 0.
 */
export function totalImprovementScore(input: TisInput): Calculation<number, TisInput, TisComponents> {
  const errors: Errors = [];
  const population = input?.population === undefined ? 'adult' : readChoice(input.population, 'population', ['adult', 'juvenile'] as const, errors);
  const physicianGlobal = readGlobal(input?.physicianGlobal, 'physicianGlobal', errors);
  const patientGlobal = readGlobal(input?.patientGlobal, 'patientGlobal', errors);
  const extramuscularGlobal = readGlobal(input?.extramuscularGlobal, 'extramuscularGlobal', errors);

  let mmt: Omit<TisMeasureScore, 'points' | 'improvementPercent'> | undefined;
  if (input?.manualMuscleTesting === undefined || input.manualMuscleTesting === null) {
    errors.push(calculationError('MISSING_MEASURE', 'manualMuscleTesting', 'manualMuscleTesting is required'));
  } else {
    const maximum = readNumber(input.manualMuscleTesting.maximum, 'manualMuscleTesting.maximum', {}, errors);
    if (maximum !== undefined && maximum !== 80 && maximum !== 150) {
      errors.push(calculationError('INVALID_VALUE', 'manualMuscleTesting.maximum', 'MMT-8 maximum is 80 (unilateral) or 150 (bilateral)'));
    } else if (maximum !== undefined) {
      const rule = { min: 0, max: maximum, scale: `MMT-8 0-${maximum}` };
      const baseline = readNumber(input.manualMuscleTesting.baseline, 'manualMuscleTesting.baseline', rule, errors);
      const followUp = readNumber(input.manualMuscleTesting.followUp, 'manualMuscleTesting.followUp', rule, errors);
      if (baseline !== undefined && followUp !== undefined) mmt = { baseline, followUp, denominator: maximum };
    }
  }

  let haq: Omit<TisMeasureScore, 'points' | 'improvementPercent'> | undefined;
  if (input?.haq === undefined || input.haq === null) {
    errors.push(calculationError('MISSING_MEASURE', 'haq', 'haq is required'));
  } else {
    const rule = { min: 0, max: 3, scale: 'HAQ-DI 0-3' };
    const baseline = readNumber(input.haq.baseline, 'haq.baseline', rule, errors);
    const followUp = readNumber(input.haq.followUp, 'haq.followUp', rule, errors);
    if (baseline !== undefined && followUp !== undefined) haq = { baseline, followUp, denominator: 3 };
  }

  const enzyme = readEnzymes(input?.muscleEnzymes, errors);
  if (errors.length > 0 || !population || !physicianGlobal || !patientGlobal || !extramuscularGlobal || !mmt || !haq || !enzyme) return invalid(...errors);

  const enzymes = { baseline: enzyme.baseline, followUp: enzyme.followUp, denominator: enzyme.baseline };
  const raw: Record<TisMeasure, { baseline: number; followUp: number; denominator: number; higherIsBetter?: true }> = {
    physicianGlobal,
    patientGlobal,
    manualMuscleTesting: { ...mmt, higherIsBetter: true },
    haq,
    muscleEnzymes: enzymes,
    extramuscularGlobal,
  };
  const measures = Object.fromEntries(
    TIS_MEASURES.map((measure) => {
      const { baseline, followUp, denominator, higherIsBetter } = raw[measure];
      const improvementPercent = ((higherIsBetter ? followUp - baseline : baseline - followUp) * 100) / denominator;
      return [measure, { baseline, followUp, denominator, improvementPercent, points: pointsFor(measure, settle(improvementPercent)) }];
    }),
  ) as Record<TisMeasure, TisMeasureScore>;
  const tis = TIS_MEASURES.reduce((sum, measure) => sum + measures[measure].points, 0);

  return calculated({
    calculator: 'myositis-tis',
    algorithmVersion: '1.0.0',
    value: tis,
    components: {
      population,
      thresholds: TIS_THRESHOLDS[population],
      measures,
      // Scored by the same formula even when the baseline is within normal limits; the flag lets a protocol
      // apply its own rule (the criteria do not define one in the sources read, clinical-domain 3.14 [?]).
      enzymeScored: { enzyme: enzyme.enzyme, baselineTimesUpperLimit: enzyme.baseline / enzyme.uln, baselineWithinNormal: enzyme.baseline <= enzyme.uln },
      improvement: improvementLevel(tis, population),
    },
    inputs: input,
    source: TIS_SOURCE,
  });
}
