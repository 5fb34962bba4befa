import { z } from 'zod';

/**
 * AIHA response thresholds as protocol data. Published AIHA response definitions are heterogeneous (Hill QA et
 * al., Blood Adv 2019: criteria in 43 studies almost all unique), and the seed gives none for CR, "CRi" or PR
 * (clinical-domain 3.15, section 6 row 12), so every number is a parameter. The defaults are the commonly used
 * definitions derived from the First International Consensus (Jäger U et al., Blood Rev 2020) [lit, verify]:
 * CR Hb ≥12 g/dL with all haemolysis markers normal; PR Hb ≥10 g/dL or a rise ≥2 g/dL; no transfusion in the
 * previous 7 days. A protocol embeds `aihaResponseCriteriaSchema` and overrides any field (Chinese practice, for
 * example, writes these in g/L).
 */
const haemoglobin = z.strictObject({ value: z.number().positive(), unit: z.enum(['g/dL', 'g/L']) });

export const HAEMOLYSIS_MARKERS = ['ldh', 'bilirubin', 'haptoglobin', 'reticulocytes'] as const;
export type HaemolysisMarker = (typeof HAEMOLYSIS_MARKERS)[number];

export const AIHA_RESPONSE_CATEGORIES = ['CR', 'CRi', 'PR', 'NR'] as const;
export type AihaResponseCategory = (typeof AIHA_RESPONSE_CATEGORIES)[number];

export const aihaResponseCriteriaSchema = z.strictObject({
  /** CR (and "CRi") haemoglobin, inclusive. A protocol may set a sex-specific lower limit of normal instead. */
  completeResponseMinHaemoglobin: haemoglobin.default({ value: 12, unit: 'g/dL' }),
  /** PR: haemoglobin at or above this … */
  partialResponseMinHaemoglobin: haemoglobin.default({ value: 10, unit: 'g/dL' }),
  /** … or a rise from baseline at or above this. */
  partialResponseMinRise: haemoglobin.default({ value: 2, unit: 'g/dL' }),
  /** No red-cell transfusion within this many days before the assessment (the day itself counts as within). */
  transfusionFreeDays: z.number().int().min(0).max(365).default(7),
  /** Markers that must all be normal for CR; abnormal with CR-level Hb is compensated haemolysis ("CRi"). */
  completeResponseMarkers: z
    .array(z.enum(HAEMOLYSIS_MARKERS))
    .min(1)
    .default(() => [...HAEMOLYSIS_MARKERS]),
  /** Categories counted as overall response: the seed reports ORR without defining it, CR + CRi + PR assumed [?]. */
  overallResponseCategories: z
    .array(z.enum(['CR', 'CRi', 'PR']))
    .min(1)
    .default((): ('CR' | 'CRi' | 'PR')[] => ['CR', 'CRi', 'PR']),
});

export type AihaResponseCriteria = z.infer<typeof aihaResponseCriteriaSchema>;
export const defaultAihaResponseCriteria: AihaResponseCriteria = aihaResponseCriteriaSchema.parse({});
