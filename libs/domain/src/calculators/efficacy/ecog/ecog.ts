import { calculated, invalid, type Calculation } from '../../shared/calculation.js';
import { readNumber, type Errors } from '../common/read-input.js';

export const ECOG_SOURCE = 'Oken MM et al. Toxicity and response criteria of the Eastern Cooperative Oncology Group. Am J Clin Oncol 1982;5:649-55';

export type EcogScore = 0 | 1 | 2 | 3 | 4 | 5;

export const ECOG_DESCRIPTIONS: Readonly<Record<EcogScore, string>> = {
  0: 'Fully active, able to carry on all pre-disease performance without restriction',
  1: 'Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature',
  2: 'Ambulatory and capable of all self-care but unable to carry out any work activities; up and about more than 50% of waking hours',
  3: 'Capable of only limited self-care; confined to bed or chair more than 50% of waking hours',
  4: 'Completely disabled; cannot carry on any self-care; totally confined to bed or chair',
  5: 'Dead',
};

export interface EcogInput {
  readonly score: EcogScore;
}

export interface EcogComponents {
  readonly description: string;
}

/**
 * Validates an ECOG performance status and attaches its description. Eligibility (both seeds: ECOG 0-2) is a
 * protocol rule applied to this value, not part of the scale. Children under 16 are usually rated with Lansky
 * (clinical-domain 6 row 18), which this calculator does not map.
 */
export function ecogPerformanceStatus(input: EcogInput): Calculation<EcogScore, EcogInput, EcogComponents> {
  const errors: Errors = [];
  const score = readNumber(input?.score, 'score', { min: 0, max: 5, integer: true, scale: 'ECOG 0-5' }, errors) as EcogScore | undefined;
  if (score === undefined) return invalid(...errors);
  return calculated({
    calculator: 'ecog',
    algorithmVersion: '1.0.0',
    value: score,
    components: { description: ECOG_DESCRIPTIONS[score] },
    inputs: input,
    source: ECOG_SOURCE,
  });
}
