import { calculated, invalid, type Calculation } from '../../shared/calculation.js';
import { scoreComparator } from '../common/compare.js';
import { readItemScores, type Errors } from '../common/read-input.js';

export const MG_ADL_SOURCE = 'Wolfe GI et al. Myasthenia gravis activities of daily living profile. Neurology 1999;52:1487-9 (item anchors: BMC Neurology 2020, Table 2)';

/** Eight patient-reported items, 0 (normal) to 3 (clinical-domain 3.11). */
export const MG_ADL_ITEMS = ['talking', 'chewing', 'swallowing', 'breathing', 'brushingTeethOrCombingHair', 'risingFromChair', 'doubleVision', 'eyelidDroop'] as const;
export type MgAdlItem = (typeof MG_ADL_ITEMS)[number];

export interface MgAdlInput {
  readonly items: { readonly [I in MgAdlItem]: 0 | 1 | 2 | 3 };
}

export interface MgAdlComponents {
  readonly items: Readonly<Record<MgAdlItem, number>>;
  /** Sum of the two ocular items (double vision, eyelid droop), reported separately in MG trials. */
  readonly ocular: number;
}

export function mgAdl(input: MgAdlInput): Calculation<number, MgAdlInput, MgAdlComponents> {
  const errors: Errors = [];
  const items = readItemScores(input?.items, 'items', MG_ADL_ITEMS, { min: 0, max: 3, integer: true, scale: 'MG-ADL item 0-3' }, errors);
  if (items === undefined) return invalid(...errors);
  return calculated({
    calculator: 'mg-adl',
    algorithmVersion: '1.0.0',
    value: MG_ADL_ITEMS.reduce((sum, item) => sum + items[item], 0),
    components: { items, ocular: items.doubleVision + items.eyelidDroop },
    inputs: input,
    source: MG_ADL_SOURCE,
  });
}

/** A fall of ≥2 points is the clinically meaningful improvement [src: MG United, clinical-domain 3.11]. */
export const compareMgAdl = scoreComparator({
  calculator: 'mg-adl',
  source: MG_ADL_SOURCE,
  range: { min: 0, max: 24, integer: true, scale: 'MG-ADL 0-24' },
  meaningfulImprovement: { threshold: 2, source: 'MG United patient material: a fall of ≥2 points (clinical-domain 3.11)' },
});
