import { z } from 'zod';
import { trialIdParamSchema } from '../../participants/register-participant/register-participant.request.js';

export const efficacySummaryParamsSchema = z.strictObject({ trialId: trialIdParamSchema });

export const efficacySummaryQuerySchema = z.strictObject({
  siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
});

const summaryLineSchema = z
  .object({
    cohortId: z.string(),
    instrument: z.string(),
    timepoint: z.string().describe('The visit id (D28, M3, …).'),
    timepointLabel: z.string(),
    nominalDay: z.number().int().nullable().describe("The protocol's study day of the timepoint."),
    assessed: z.number().int().describe('Participants with a response call at the timepoint (responders + non-responders + not evaluable).'),
    responders: z.number().int(),
    nonResponders: z.number().int(),
    notEvaluable: z.number().int(),
    responseRate: z.number().nullable().describe('responders / assessed (not evaluable counts as not responding), 0-1; null when none assessed.'),
    ci95: z.object({ lower: z.number(), upper: z.number() }).nullable().describe('95 % Wilson score interval of the response rate, 0-1.'),
    medianChangeFromBaseline: z.number().nullable().describe('Median change from baseline of the assessed participants that have one.'),
    responseDefinition: z.string(),
    responseAlgorithm: z.string().describe('calculator@version of the rule that decided the responses.'),
  })
  .meta({ title: 'EfficacySummaryLine' });

export const efficacySummarySchema = z
  .object({
    trialId: z.string(),
    sites: z.array(z.string()).describe('The sites counted: yours, or the one asked for.'),
    lines: z.array(summaryLineSchema).describe('By cohort, instrument, then over time; results under different response definitions are separate lines, never pooled.'),
  })
  .meta({ title: 'EfficacySummary' });

export type EfficacySummary = z.infer<typeof efficacySummarySchema>;
