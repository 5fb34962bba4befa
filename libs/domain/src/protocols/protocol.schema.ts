import { z } from 'zod';
import type { WeightBasis } from '../calculators/dosing/body-weight.js';
import { lymphodepletionRegimenSchema } from '../calculators/dosing/lymphodepletion-regimen.schema.js';
import { aihaResponseCriteriaSchema } from '../calculators/efficacy/aiha-response/criteria.schema.js';
import { lnRenalResponseCriteriaSchema } from '../calculators/efficacy/ln-renal-response/criteria.schema.js';
import { sriCriteriaSchema } from '../calculators/efficacy/sri-4/sri.js';
import { dltCriteriaSchema } from '../calculators/toxicity/dlt/dlt-criteria.schema.js';
import { DAY_NUMBERINGS } from '../calculators/toxicity/episodes/study-day.js';
import { eligibilityCriterionSchema } from './schema/eligibility.schema.js';
import { remindersSchema, visitSchema } from './schema/schedule.schema.js';
import { washoutSchema } from './schema/washout.schema.js';

/**
 * A protocol version as data. Loaded through this schema so a malformed protocol fails at start-up with the
 * path of the bad field, never half-way through a participant's journey. Every clinical number lives here,
 * not in code; values tagged [typ]/[?] in the clinical reference are defaults a protocol overrides, and each
 * seed conflict (clinical-domain section 6) is an explicit field with a comment where it is set.
 */
export const cohortSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'cohort id: upper-case code such as SLE or PSS_PAH'),
  disease: z.string().min(1),
  label: z.string().min(1),
  eligibility: z.array(eligibilityCriterionSchema).min(1),
});

export const siteSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'site id: upper-case code such as CN-BJ-01'),
  name: z.string().min(1),
  /** IANA zone: visit reminders are sent in the site's local time. */
  timeZone: z.string().min(1),
  /**
   * The zone's UTC offset, stated in the data: the pure domain turns visit dates into instants without time-zone
   * tables, so a tzdata update can never change a replayed deadline. Zones with daylight saving need offset
   * periods here (not yet supported; both seed sites are in Asia/Shanghai, UTC+8 all year).
   */
  utcOffsetMinutes: z.number().int().min(-720).max(840),
});

const doseLevelSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,15}$/),
  label: z.string().min(1),
  dose: z.discriminatedUnion('basis', [
    z.strictObject({ basis: z.literal('PER_KG'), carPositiveCellsPerKg: z.number().positive(), maxTotalCells: z.number().positive().optional() }),
    z.strictObject({ basis: z.literal('FIXED'), carPositiveCells: z.number().positive() }),
  ]),
});

const icfVersionSchema = z.strictObject({
  version: z.string().min(1),
  /** First and last day (inclusive, ISO dates) on which ethics approval allowed this version to be signed. */
  approvedFrom: z.iso.date(),
  approvedUntil: z.iso.date().optional(),
});

export const protocolSchema = z.strictObject({
  trialId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  protocolVersion: z.string().min(1),
  title: z.string().min(1),
  registry: z.string().optional(),
  targetEnrolment: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }).optional(),
  ageYears: z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(1) }),
  /** Conflict 22: some IITs call the infusion day "Day 1". Stored explicitly, never inferred. */
  dayNumbering: z.enum(DAY_NUMBERINGS),
  cohorts: z.array(cohortSchema).min(1),
  sites: z.array(siteSchema).min(1),
  consent: z.strictObject({
    icfVersions: z.array(icfVersionSchema).min(1),
    /** Below this age a guardian signs and the participant gives assent (clinical-domain 1.10). */
    adultAgeYears: z.number().int().min(1),
  }),
  screening: z.strictObject({
    /** Days from consent until the screening period closes. [typ] 28, range 14-42 (clinical-domain 1.2). */
    windowDays: z.number().int().min(1).max(120),
    /** Re-screening opens a new episode; how many are allowed after the first screen failure. */
    maxRescreens: z.number().int().min(0),
  }),
  doseLevels: z.array(doseLevelSchema).min(1),
  washout: washoutSchema,
  lymphodepletion: z.strictObject({
    regimen: lymphodepletionRegimenSchema,
    /**
     * Renal function for the fludarabine adjustment (conflict 8): Cockcroft-Gault is not validated in children,
     * so below `paediatricBelowAgeYears` the bedside Schwartz eGFR is used; which weight CG uses is explicit.
     */
    renalFunction: z.strictObject({
      weightBasis: z.enum(['actual', 'ideal-devine', 'adjusted-devine-0.4', 'lesser-of-actual-and-ideal-devine'] satisfies readonly WeightBasis[]),
      paediatricBelowAgeYears: z.number().int().min(1).max(21),
      /** Convert between mL/min and mL/min/1.73 m² with the participant's BSA when the rule set's unit differs. */
      convertUnitsWithBsa: z.boolean(),
    }),
    /** Administered vs calculated dose beyond this percentage is a deviation candidate (clinical-domain 4.7). */
    doseTolerancePercent: z.number().positive().max(50),
    /** EBMT 2024: give LD only after the product is on site (allocated lot). */
    requireLotBeforeStart: z.boolean(),
  }),
  infusion: z.strictObject({
    /** Thaw start to end of infusion, minutes. Conflict 21: not in the seeds; from the pharmacy manual. */
    thawToInfusionLimitMinutes: z.number().int().positive(),
    /** Last LD dose to infusion, days; beyond it LD may need repeating (clinical-domain 1.4.4). */
    maxDaysFromLymphodepletionEnd: z.number().int().min(1),
    /** Infused dose outside this percentage of the assigned dose is a deviation candidate. */
    doseTolerancePercent: z.number().positive().max(50),
  }),
  /** DLT window (bounds, inclusivity) and criteria, as data; evaluation yields candidates for adjudication. */
  dlt: dltCriteriaSchema,
  aeCollection: z.strictObject({
    start: z.enum(['CONSENT', 'LYMPHODEPLETION_START']),
    /** Last study day of full AE collection (seed: day 90). After it only SAEs and AESIs are collected. */
    endDay: z.number().int().min(1),
  }),
  safetyReporting: z.strictObject({
    /** Investigator → sponsor SAE report, hours after awareness (21 CFR 312.64(b) "immediately", typically 24 h). */
    saeReportHours: z.number().int().min(1),
  }),
  visits: z.array(visitSchema).min(1),
  reminders: remindersSchema,
  /** Response thresholds of the instruments that take protocol parameters; the published defaults apply when absent. */
  efficacy: z
    .strictObject({ aihaResponse: aihaResponseCriteriaSchema.prefault({}), lnRenalResponse: lnRenalResponseCriteriaSchema.prefault({}), sri: sriCriteriaSchema.prefault({}) })
    .prefault({}),
});

export type Protocol = z.infer<typeof protocolSchema>;
export type ProtocolInput = z.input<typeof protocolSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type Site = z.infer<typeof siteSchema>;
export type DoseLevel = z.infer<typeof doseLevelSchema>;

export class ProtocolValidationError extends Error {
  constructor(
    readonly trialId: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`Protocol ${trialId} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ProtocolValidationError';
  }
}

export function loadProtocol(raw: unknown): Protocol {
  const parsed = protocolSchema.safeParse(raw);
  if (parsed.success) return checkConsistency(parsed.data);
  const trialId = typeof raw === 'object' && raw !== null && 'trialId' in raw ? String(raw.trialId) : '(unknown)';
  throw new ProtocolValidationError(
    trialId,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/** Rules that span fields: unique ids, age bounds, DLT window, visit order. */
function checkConsistency(protocol: Protocol): Protocol {
  const issues: { path: string; message: string }[] = [];
  const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of duplicates(protocol.cohorts.map((c) => c.id))) issues.push({ path: 'cohorts', message: `duplicate cohort id ${id}` });
  for (const id of duplicates(protocol.visits.map((v) => v.id))) issues.push({ path: 'visits', message: `duplicate visit id ${id}` });
  for (const id of duplicates(protocol.doseLevels.map((d) => d.id))) issues.push({ path: 'doseLevels', message: `duplicate dose level id ${id}` });
  for (const id of duplicates(protocol.washout.classes.map((c) => c.drugClass))) issues.push({ path: 'washout.classes', message: `duplicate drug class ${id}` });
  protocol.cohorts.forEach((cohort, i) => {
    for (const id of duplicates(cohort.eligibility.map((c) => c.id))) issues.push({ path: `cohorts.${i}.eligibility`, message: `duplicate criterion id ${id}` });
  });
  if (protocol.ageYears.min > protocol.ageYears.max) issues.push({ path: 'ageYears', message: 'min is above max' });
  if (protocol.targetEnrolment && protocol.targetEnrolment.min > protocol.targetEnrolment.max) issues.push({ path: 'targetEnrolment', message: 'min is above max' });
  if (protocol.dlt.window.dayNumbering !== protocol.dayNumbering) issues.push({ path: 'dlt.window.dayNumbering', message: `must match the protocol's day numbering (${protocol.dayNumbering})` });
  if (protocol.visits[0]?.anchor === 'PREVIOUS_VISIT') issues.push({ path: 'visits.0.anchor', message: 'the first visit cannot be anchored on a previous visit' });
  if (issues.length > 0) throw new ProtocolValidationError(protocol.trialId, issues);
  return protocol;
}
