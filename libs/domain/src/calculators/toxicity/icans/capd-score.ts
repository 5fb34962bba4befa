import { calculated, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { oneOf } from '../inputs.js';

/**
 * Cornell Assessment of Pediatric Delirium (Traube 2014; clinical-domain 2.4 [src]): 8 observer-rated items,
 * each answered never / rarely / sometimes / often / always and scored 0-4. The first four describe normal
 * behaviour and are reverse-scored ("never" = 4); the last four describe abnormal behaviour ("always" = 4).
 */
export const CAPD_FREQUENCIES = ['never', 'rarely', 'sometimes', 'often', 'always'] as const;
export type CapdFrequency = (typeof CAPD_FREQUENCIES)[number];

export const CAPD_REVERSE_ITEMS = ['eyeContact', 'purposefulActions', 'awareOfSurroundings', 'communicatesNeeds'] as const;
export const CAPD_DIRECT_ITEMS = ['restless', 'inconsolable', 'underactive', 'slowToRespond'] as const;
export type CapdItem = (typeof CAPD_REVERSE_ITEMS)[number] | (typeof CAPD_DIRECT_ITEMS)[number];

export type CapdInputs = Readonly<Record<CapdItem, CapdFrequency>>;

export interface CapdComponents {
  readonly itemScores: Readonly<Record<CapdItem, number>>;
  /** CAPD ≥9 screens positive for delirium (Traube 2014 cut-off). */
  readonly screensPositiveForDelirium: boolean;
}

export type CapdResult = CalculatorResult<number, CapdInputs, CapdComponents>;

export const CAPD_DELIRIUM_CUT_OFF = 9;

const SOURCE = 'Traube C et al. Cornell Assessment of Pediatric Delirium: a valid, rapid, observational tool. Crit Care Med 2014;42:656-63 (8 items 0-4, total 0-32, ≥9 delirium).';

/** CAPD total, 0-32, from the eight frequency answers. */
export function capdScore(inputs: CapdInputs): Calculation<number, CapdInputs, CapdComponents> {
  const errors: CalculationError[] = [];
  const scores: Partial<Record<CapdItem, number>> = {};
  for (const item of [...CAPD_REVERSE_ITEMS, ...CAPD_DIRECT_ITEMS]) {
    const answer = oneOf(inputs?.[item], CAPD_FREQUENCIES, item, errors);
    if (answer === undefined) continue;
    const index = CAPD_FREQUENCIES.indexOf(answer);
    scores[item] = (CAPD_REVERSE_ITEMS as readonly string[]).includes(item) ? 4 - index : index;
  }
  if (errors.length > 0) return invalid(...errors);
  const itemScores = scores as Record<CapdItem, number>;
  const total = Object.values(itemScores).reduce((sum, s) => sum + s, 0);
  return calculated({
    calculator: 'capd.score',
    algorithmVersion: '1.0.0',
    value: total,
    components: { itemScores, screensPositiveForDelirium: total >= CAPD_DELIRIUM_CUT_OFF },
    inputs,
    source: SOURCE,
  });
}
