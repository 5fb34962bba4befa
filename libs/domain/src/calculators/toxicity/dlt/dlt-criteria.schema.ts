import { z } from 'zod';
import { DAY_NUMBERINGS } from '../episodes/study-day.js';

/**
 * A protocol's DLT criteria as data (embedded by the protocol schema). The seeds define DLTs only as "graded by
 * CTCAE v5.0 and ASTCT within 28 days" (clinical-domain 2.6, section 6 row 10), and every published criterion
 * is a protocol variant, so rules, thresholds, exclusions and the window (bounds, inclusivity, day numbering;
 * clinical-domain 0.2) are all parameters. Evaluation yields candidates for investigator adjudication only.
 */

const grade = z.number().int().min(1).max(5);
const duration = z.strictObject({ value: z.number().positive().max(10_000), unit: z.enum(['hours', 'days']) });

export const AE_ATTRIBUTIONS = ['unrelated', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type AeAttribution = (typeof AE_ATTRIBUTIONS)[number];
/** Attributions that count; absent = any attribution (e.g. "any grade 5"). */
const attributions = z.array(z.enum(AE_ATTRIBUTIONS)).min(1).optional();
const terms = z.array(z.string().trim().min(1)).min(1);

const base = { id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/), description: z.string().min(1) };

export const dltRuleSchema = z.discriminatedUnion('kind', [
  /** ASTCT CRS episode of at least `minGrade`; with `lastingMoreThan`, time at ≥ minGrade must exceed it (e.g. grade 3 > 72 h). */
  z.strictObject({ ...base, kind: z.literal('crs'), minGrade: grade, lastingMoreThan: duration.optional() }),
  z.strictObject({ ...base, kind: z.literal('icans'), minGrade: grade, lastingMoreThan: duration.optional() }),
  /** Any non-haematological AE of at least `minGrade` (optionally lasting longer than a duration), minus exclusions. */
  z.strictObject({
    ...base,
    kind: z.literal('non-haematological-ae'),
    minGrade: grade,
    lastingMoreThan: duration.optional(),
    attributions,
    /** e.g. fever, alopecia, fatigue; `onlyIfResolvedWithin` for "electrolyte abnormalities correctable within 72 h". */
    exclusions: z.array(z.strictObject({ terms, onlyIfResolvedWithin: duration.optional() })),
  }),
  /** Named CTCAE terms, e.g. grade 4 "Neutrophil count decreased" lasting > 14 days, or acute GvHD. */
  z.strictObject({ ...base, kind: z.literal('ae-term'), terms, minGrade: grade, lastingMoreThan: duration.optional(), attributions }),
  /** Any event (AE or CRS/ICANS episode) of at least `minGrade`, e.g. any grade 5. */
  z.strictObject({ ...base, kind: z.literal('any-event'), minGrade: grade, attributions }),
]);

export const dltWindowSchema = z.strictObject({
  dayNumbering: z.enum(DAY_NUMBERINGS),
  startDay: z.number().int().min(-30).max(365),
  startInclusive: z.boolean(),
  endDay: z.number().int().min(-30).max(365),
  endInclusive: z.boolean(),
  /** Events on the infusion day but before the infusion started are outside the window (LD toxicity). */
  excludeEventsBeforeInfusion: z.boolean(),
});

export const dltCriteriaSchema = z
  .strictObject({ window: dltWindowSchema, rules: z.array(dltRuleSchema).min(1) })
  .superRefine((criteria, ctx) => {
    const w = criteria.window;
    const empty = w.endDay < w.startDay || (w.endDay === w.startDay && !(w.startInclusive && w.endInclusive));
    if (empty) ctx.addIssue({ code: 'custom', path: ['window', 'endDay'], message: 'the DLT window is empty: endDay must follow startDay' });
    const ids = new Set<string>();
    criteria.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule id ${rule.id} is used twice` });
      ids.add(rule.id);
    });
  });

export type DltCriteria = z.infer<typeof dltCriteriaSchema>;
export type DltCriteriaInput = z.input<typeof dltCriteriaSchema>;
export type DltRule = z.infer<typeof dltRuleSchema>;
export type DltWindow = z.infer<typeof dltWindowSchema>;
export type DltDuration = z.infer<typeof duration>;
