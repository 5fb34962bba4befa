import { z } from 'zod';
import { fludarabineRuleSetRefSchema } from './fludarabine-rule-sets.js';

/**
 * A lymphodepletion regimen as protocol data (embedded by the protocol schema). Published regimens differ in
 * doses, days and renal rule (clinical-domain 1.4.1, section 6 row 7), so every clinical number lives here.
 * Day offsets are relative to the infusion day as day 0 (D-5 = five calendar days before infusion),
 * whatever day-numbering convention the protocol displays.
 */

const roundingSchema = z.discriminatedUnion('method', [
  /** Round half-up to N decimal places of a mg (e.g. 1 -> 40.8 mg). */
  z.strictObject({ method: z.literal('decimals'), decimals: z.number().int().min(0).max(3) }),
  /** Round half-up to the nearest multiple of a step, per pharmacy SOP (e.g. 10 mg for cyclophosphamide). */
  z.strictObject({ method: z.literal('step'), stepMg: z.number().positive().max(1000) }),
]);

export const lymphodepletionDrugSchema = z.strictObject({
  /** Lower-case drug code, e.g. `fludarabine`, `cyclophosphamide`. */
  drug: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'drug: lower-case code such as fludarabine'),
  /** Unadjusted daily dose in mg per m² BSA. */
  doseMgPerM2PerDay: z.number().positive().max(5000),
  /** Days relative to infusion (day 0) on which the drug is given; negative, each at most once. */
  dayOffsets: z.array(z.number().int().min(-30).max(-1)).min(1),
  rounding: roundingSchema,
  /**
   * Present only for the renally adjusted drug. The built-in rule sets are fludarabine labels; cyclophosphamide
   * at LD doses is usually not renally adjusted (clinical-domain 1.4.3 [lit]).
   */
  renalAdjustment: z.strictObject({ ruleSet: fludarabineRuleSetRefSchema }).optional(),
});

export const lymphodepletionRegimenSchema = z
  .strictObject({
    /** e.g. `flu25x3-cy1000x1` */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/),
    label: z.string().min(1).optional(),
    bsa: z.strictObject({
      formula: z.enum(['mosteller', 'du-bois']),
      /** Decimal places BSA is rounded to (usually 2). */
      decimals: z.number().int().min(0).max(4),
      /** Protocol cap in m² (some protocols cap at 2.0-2.2). */
      capM2: z.number().min(0.5).max(3).optional(),
      /**
       * Whether doses multiply the rounded BSA or the unrounded one. The reference's worked example (1.4.2)
       * gives cyclophosphamide 1000 mg/m² at 160 cm/60 kg as 1633 mg, i.e. from the unrounded 1.63299 m²; with
       * the rounded 1.63 m² it would be 1630 mg. Protocols differ, hence explicit.
       */
      doseBasis: z.enum(['rounded', 'unrounded']),
    }),
    drugs: z.array(lymphodepletionDrugSchema).min(1),
  })
  .superRefine((regimen, ctx) => {
    const seen = new Set<string>();
    regimen.drugs.forEach((drug, i) => {
      if (seen.has(drug.drug)) ctx.addIssue({ code: 'custom', path: ['drugs', i, 'drug'], message: `${drug.drug} is listed twice` });
      seen.add(drug.drug);
      if (new Set(drug.dayOffsets).size !== drug.dayOffsets.length) {
        ctx.addIssue({ code: 'custom', path: ['drugs', i, 'dayOffsets'], message: 'a day offset is listed twice' });
      }
      if (drug.renalAdjustment !== undefined && drug.drug !== 'fludarabine') {
        ctx.addIssue({ code: 'custom', path: ['drugs', i, 'renalAdjustment'], message: 'renal rule sets are fludarabine label rules; only fludarabine can carry one' });
      }
    });
  });

export type LymphodepletionRegimen = z.infer<typeof lymphodepletionRegimenSchema>;
export type LymphodepletionRegimenInput = z.input<typeof lymphodepletionRegimenSchema>;
export type LymphodepletionDrug = z.infer<typeof lymphodepletionDrugSchema>;
