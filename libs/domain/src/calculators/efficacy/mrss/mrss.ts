import { calculated, invalid, type Calculation } from '../../shared/calculation.js';
import { scoreComparator } from '../common/compare.js';
import { readItemScores, type Errors } from '../common/read-input.js';

export const MRSS_SOURCE =
  'Modified Rodnan skin score: 17 sites, 0-3 each (Clements P et al., J Rheumatol 1995; Khanna D et al., J Scleroderma Relat Disord 2017 standardisation)';

/** The 17 sites palpated, bilateral sites scored separately (clinical-domain 3.8). */
export const MRSS_SITES = [
  'face',
  'anteriorChest',
  'abdomen',
  'fingersRight',
  'fingersLeft',
  'dorsumHandRight',
  'dorsumHandLeft',
  'forearmRight',
  'forearmLeft',
  'upperArmRight',
  'upperArmLeft',
  'thighRight',
  'thighLeft',
  'lowerLegRight',
  'lowerLegLeft',
  'dorsumFootRight',
  'dorsumFootLeft',
] as const;
export type MrssSite = (typeof MRSS_SITES)[number];

/** 0 normal, 1 mild, 2 moderate, 3 severe thickening (cannot pinch into a fold). */
export interface MrssInput {
  readonly sites: { readonly [S in MrssSite]: 0 | 1 | 2 | 3 };
}

export interface MrssComponents {
  readonly sites: Readonly<Record<MrssSite, number>>;
}

export function mrss(input: MrssInput): Calculation<number, MrssInput, MrssComponents> {
  const errors: Errors = [];
  const sites = readItemScores(input?.sites, 'sites', MRSS_SITES, { min: 0, max: 3, integer: true, scale: 'mRSS site 0-3' }, errors);
  if (sites === undefined) return invalid(...errors);
  return calculated({
    calculator: 'mrss',
    algorithmVersion: '1.0.0',
    value: MRSS_SITES.reduce((sum, site) => sum + sites[site], 0),
    components: { sites },
    inputs: input,
    source: MRSS_SOURCE,
  });
}

export const compareMrss = scoreComparator({ calculator: 'mrss', source: MRSS_SOURCE, range: { min: 0, max: 51, integer: true, scale: 'mRSS 0-51' } });
