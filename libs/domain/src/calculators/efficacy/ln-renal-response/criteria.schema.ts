import { z } from 'zod';

const upcr = z.strictObject({ value: z.number().positive(), unit: z.enum(['g/g', 'mg/mg', 'mg/g', 'mg/mmol', 'g/mmol']) });

/**
 * Lupus nephritis renal response thresholds as protocol data (KDIGO 2024 [src, secondary summary],
 * clinical-domain 3.7). Defaults: complete response UPCR <0.5 g/g; partial response ≥50% fall to <3 g/g; kidney
 * function "stable or improved", which KDIGO writes as eGFR within ±10-15% of baseline — the default takes the
 * stricter 10% so response is not over-called, and protocols set their own (trials such as belimumab LN used
 * UPCR ≤0.7 and other eGFR rules).
 * KDIGO quotes 0.5 g/g as "50 mg/mmol"; the exact equivalent is 56.6 mg/mmol. A protocol that means 50 mg/mmol
 * writes { value: 50, unit: 'mg/mmol' } and gets exactly that.
 */
export const lnRenalResponseCriteriaSchema = z.strictObject({
  completeResponseUpcrBelow: upcr.default({ value: 0.5, unit: 'g/g' }),
  partialResponseUpcrBelow: upcr.default({ value: 3, unit: 'g/g' }),
  /** Minimum fall of UPCR from baseline for partial response, percent (inclusive). */
  partialResponseMinReductionPercent: z.number().positive().max(100).default(50),
  /** Largest eGFR fall from baseline, percent, still counted as stable (inclusive). */
  maxEgfrDeclinePercent: z.number().min(0).max(100).default(10),
});

export type LnRenalResponseCriteria = z.infer<typeof lnRenalResponseCriteriaSchema>;
export const defaultLnRenalResponseCriteria: LnRenalResponseCriteria = lnRenalResponseCriteriaSchema.parse({});
