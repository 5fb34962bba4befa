import { calculated, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { numberInRange } from '../inputs.js';

/** Points per ICE domain as scored by the assessor (clinical-domain 2.3 [src]). */
export interface IceScoreInputs {
  /** Year, month, city, hospital: 1 point each (0-4). */
  readonly orientation: number;
  /** Names 3 objects: 1 point each (0-3). */
  readonly naming: number;
  /** Follows simple commands (0-1). */
  readonly followingCommands: number;
  /** Writes a standard sentence (0-1). */
  readonly writing: number;
  /** Counts backwards from 100 by 10 (0-1). */
  readonly attention: number;
}

export const ICE_DOMAIN_MAXIMA: Readonly<Record<keyof IceScoreInputs, number>> = { orientation: 4, naming: 3, followingCommands: 1, writing: 1, attention: 1 };

export type IceScoreResult = CalculatorResult<number, IceScoreInputs, IceScoreInputs>;

const SOURCE = 'Lee DW et al. Biol Blood Marrow Transplant 2019;25:625-638: ICE score, 10 points (orientation 4, naming 3, commands 1, writing 1, attention 1); 10 = normal.';

/** Immune Effector Cell-associated Encephalopathy score, 0-10 (10 = no impairment). */
export function iceScore(inputs: IceScoreInputs): Calculation<number, IceScoreInputs, IceScoreInputs> {
  const errors: CalculationError[] = [];
  const items: Partial<Record<keyof IceScoreInputs, number>> = {};
  for (const [domain, max] of Object.entries(ICE_DOMAIN_MAXIMA) as [keyof IceScoreInputs, number][]) {
    const points = numberInRange(inputs?.[domain], domain, { min: 0, max }, errors, { integer: true });
    if (points !== undefined) items[domain] = points;
  }
  if (errors.length > 0) return invalid(...errors);
  const components = items as IceScoreInputs;
  return calculated({
    calculator: 'ice.score',
    algorithmVersion: '1.0.0',
    value: components.orientation + components.naming + components.followingCommands + components.writing + components.attention,
    components,
    inputs,
    source: SOURCE,
  });
}
