import { z } from 'zod';
import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { readChoice, readNumber, settle, type Errors } from '../common/read-input.js';
import { SLEDAI_2K_MAX } from '../sledai-2k/descriptors.js';
import { BILAG_2004_DOMAINS, BILAG_2004_GRADES, isNewA, isNewB, type Bilag2004Domain, type Bilag2004Grade, type Bilag2004Grades } from './bilag-2004.js';

export const SRI_SOURCE =
  'Furie RA et al. Novel evidence-based systemic lupus erythematosus responder index. Arthritis Rheum 2009;61:1143-51 (SRI-4; SRI-5 to SRI-8 raise the SLEDAI-2K reduction)';

/**
 * The protocol-tunable parts of the SLE Responder Index. The defaults are SRI-4 as published; the seed's PGA rule
 * is "<0.3 points worsening" on the 0-3 scale, but some protocols use "<10% increase" (clinical-domain 6 row 14),
 * so the limit is data, not code. Embed this schema in a protocol to override.
 */
export const sriCriteriaSchema = z.strictObject({
  /** Minimum SLEDAI-2K reduction: 4 for SRI-4, 5-8 for SRI-5 … SRI-8. */
  sledaiReduction: z.number().int().min(4).max(8).default(4),
  /** PGA (0-3) must rise by strictly less than this. */
  pgaWorseningLimit: z.number().positive().max(3).default(0.3),
});
export type SriCriteria = z.infer<typeof sriCriteriaSchema>;
export const defaultSriCriteria: SriCriteria = sriCriteriaSchema.parse({});

export interface SriInput {
  readonly sledai2k: { readonly baseline: number; readonly followUp: number };
  readonly bilag2004: { readonly baseline: Bilag2004Grades; readonly followUp: Bilag2004Grades };
  /** Physician's Global Assessment, 0-3 VAS, recorded to one decimal (clinical-domain 3.4). */
  readonly pga: { readonly baseline: number; readonly followUp: number };
  /** Protocols usually count rescue therapy or drop-out as non-response [typ] (clinical-domain 3.2). */
  readonly rescueTherapyOrDropout?: boolean;
}

export interface SriComponents {
  readonly criteria: SriCriteria;
  readonly sledai: { readonly reduction: number; readonly required: number; readonly met: boolean };
  readonly bilag: { readonly newA: readonly Bilag2004Domain[]; readonly newB: readonly Bilag2004Domain[]; readonly met: boolean };
  readonly pga: { readonly increase: number; readonly limit: number; readonly met: boolean };
  readonly rescueTherapyOrDropout: boolean;
}

function readGrades(value: unknown, field: string, errors: Errors): Record<Bilag2004Domain, Bilag2004Grade> | undefined {
  if (value === undefined || value === null || typeof value !== 'object') {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required: a grade A-E for each of the 9 BILAG-2004 domains`));
    return undefined;
  }
  const before = errors.length;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(BILAG_2004_DOMAINS as readonly string[]).includes(key)) errors.push(calculationError('INVALID_VALUE', `${field}.${key}`, `${key} is not a BILAG-2004 domain`));
  }
  const grades = {} as Record<Bilag2004Domain, Bilag2004Grade>;
  for (const domain of BILAG_2004_DOMAINS) {
    const grade = readChoice(record[domain], `${field}.${domain}`, BILAG_2004_GRADES, errors);
    if (grade !== undefined) grades[domain] = grade;
  }
  return errors.length === before ? grades : undefined;
}

/** SLE Responder Index: all three conditions at the visit versus baseline (clinical-domain 3.2). */
export function sri(input: SriInput, criteria: SriCriteria = defaultSriCriteria): Calculation<boolean, SriInput, SriComponents> {
  const errors: Errors = [];
  const parsed = sriCriteriaSchema.safeParse(criteria);
  if (!parsed.success) {
    return invalid(...parsed.error.issues.map((i) => calculationError('INVALID_VALUE', ['criteria', ...i.path].join('.'), i.message)));
  }
  const sledaiRule = { min: 0, max: SLEDAI_2K_MAX, integer: true, scale: 'SLEDAI-2K 0-105' };
  const sledaiBaseline = readNumber(input?.sledai2k?.baseline, 'sledai2k.baseline', sledaiRule, errors);
  const sledaiFollowUp = readNumber(input?.sledai2k?.followUp, 'sledai2k.followUp', sledaiRule, errors);
  const baselineGrades = readGrades(input?.bilag2004?.baseline, 'bilag2004.baseline', errors);
  const followUpGrades = readGrades(input?.bilag2004?.followUp, 'bilag2004.followUp', errors);
  const pgaRule = { min: 0, max: 3, scale: 'PGA 0-3' };
  const pgaBaseline = readNumber(input?.pga?.baseline, 'pga.baseline', pgaRule, errors);
  const pgaFollowUp = readNumber(input?.pga?.followUp, 'pga.followUp', pgaRule, errors);
  const rescue = input?.rescueTherapyOrDropout ?? false;
  if (typeof rescue !== 'boolean') errors.push(calculationError('INVALID_VALUE', 'rescueTherapyOrDropout', 'rescueTherapyOrDropout must be true or false'));
  if (
    errors.length > 0 ||
    sledaiBaseline === undefined ||
    sledaiFollowUp === undefined ||
    baselineGrades === undefined ||
    followUpGrades === undefined ||
    pgaBaseline === undefined ||
    pgaFollowUp === undefined
  ) {
    return invalid(...errors);
  }

  const { sledaiReduction, pgaWorseningLimit } = parsed.data;
  const reduction = sledaiBaseline - sledaiFollowUp;
  const newA = BILAG_2004_DOMAINS.filter((d) => isNewA(baselineGrades[d], followUpGrades[d]));
  const newB = BILAG_2004_DOMAINS.filter((d) => isNewB(baselineGrades[d], followUpGrades[d]));
  const increase = pgaFollowUp - pgaBaseline;
  const sledai = { reduction, required: sledaiReduction, met: reduction >= sledaiReduction };
  const bilag = { newA, newB, met: newA.length === 0 && newB.length <= 1 };
  // Strictly less than the limit: an increase of exactly 0.3 is worsening.
  const pga = { increase, limit: pgaWorseningLimit, met: settle(increase) < pgaWorseningLimit };

  return calculated({
    calculator: `sri-${sledaiReduction}`,
    algorithmVersion: '1.0.0',
    value: sledai.met && bilag.met && pga.met && !rescue,
    components: { criteria: parsed.data, sledai, bilag, pga, rescueTherapyOrDropout: rescue },
    inputs: input,
    source: SRI_SOURCE,
  });
}

/** SRI-4 with the published defaults. */
export const sri4 = (input: SriInput): Calculation<boolean, SriInput, SriComponents> => sri(input, defaultSriCriteria);
