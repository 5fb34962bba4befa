import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { acceptedUnits, type Quantity } from '../../shared/quantity.js';
import { scoreComparator } from '../common/compare.js';
import { readBoolean, readQuantity, settle, type Errors } from '../common/read-input.js';
import {
  SLEDAI_2K_DESCRIPTORS,
  SLEDAI_2K_MAX,
  SLEDAI_2K_PROTEINURIA_THRESHOLD_G_PER_24H,
  SLEDAI_2K_SEROLOGY,
  type Sledai2kDescriptorId,
} from './descriptors.js';

export const SLEDAI_2K_SOURCE =
  'Gladman DD, Ibañez D, Urowitz MB. Systemic lupus erythematosus disease activity index 2000. J Rheumatol 2002;29:288-91 (descriptors and weights as in clinical-domain 3.1)';

/**
 * Every descriptor must be recorded explicitly (present or absent) so an unanswered item is never read as
 * absent. Proteinuria is either attested or given as the measured 24-hour protein (g/24h, mg/24h).
 */
export interface Sledai2kInput {
  readonly descriptors: { readonly [K in Exclude<Sledai2kDescriptorId, 'proteinuria'>]: boolean } & {
    readonly proteinuria: boolean | Quantity;
  };
}

export interface Sledai2kComponents {
  readonly present: readonly { readonly id: Sledai2kDescriptorId; readonly weight: number }[];
  /** SLEDAI-2K without low complement and increased DNA binding (max 101). */
  readonly clinicalTotal: number;
  readonly proteinuria:
    | { readonly rule: 'attested'; readonly present: boolean }
    | { readonly rule: 'measured > 0.5 g/24h'; readonly measuredGPer24h: number; readonly present: boolean };
  readonly lookBack: '10 days (SLEDAI-2K standard; a 30-day variant is also validated)';
}

export function sledai2k(input: Sledai2kInput): Calculation<number, Sledai2kInput, Sledai2kComponents> {
  const errors: Errors = [];
  const descriptors = (input?.descriptors ?? undefined) as Record<string, unknown> | undefined;
  if (descriptors === undefined || typeof descriptors !== 'object') {
    return invalid(calculationError('MISSING_MEASURE', 'descriptors', 'descriptors are required: record each of the 24 as present or absent'));
  }
  const known = new Set<string>(SLEDAI_2K_DESCRIPTORS.map((d) => d.id));
  for (const key of Object.keys(descriptors)) {
    if (!known.has(key)) errors.push(calculationError('INVALID_VALUE', `descriptors.${key}`, `${key} is not a SLEDAI-2K descriptor`));
  }

  let proteinuria: Sledai2kComponents['proteinuria'] | undefined;
  const rawProteinuria = descriptors['proteinuria'];
  if (typeof rawProteinuria === 'object' && rawProteinuria !== null) {
    const before = errors.length;
    const measured = readQuantity('proteinuria24h', rawProteinuria, 'descriptors.proteinuria', errors, { min: 0 });
    if (measured !== undefined) {
      proteinuria = { rule: 'measured > 0.5 g/24h', measuredGPer24h: measured, present: settle(measured) > SLEDAI_2K_PROTEINURIA_THRESHOLD_G_PER_24H };
    } else if (errors.length > before && errors.at(-1)?.code === 'WRONG_UNIT') {
      // A UPCR is not a 24-hour excretion; a protocol that accepts it as a surrogate has the assessor attest the item.
      errors[errors.length - 1] = calculationError(
        'WRONG_UNIT',
        'descriptors.proteinuria.unit',
        `SLEDAI-2K proteinuria is defined per 24 hours; use one of ${acceptedUnits('proteinuria24h').join(', ')}, or attest the descriptor (true/false)`,
      );
    }
  } else {
    const attested = readBoolean(rawProteinuria, 'descriptors.proteinuria', errors);
    if (attested !== undefined) proteinuria = { rule: 'attested', present: attested };
  }

  const present: { id: Sledai2kDescriptorId; weight: number }[] = [];
  for (const descriptor of SLEDAI_2K_DESCRIPTORS) {
    if (descriptor.id === 'proteinuria') {
      if (proteinuria?.present) present.push({ id: descriptor.id, weight: descriptor.weight });
      continue;
    }
    const value = readBoolean(descriptors[descriptor.id], `descriptors.${descriptor.id}`, errors);
    if (value === true) present.push({ id: descriptor.id, weight: descriptor.weight });
  }
  if (errors.length > 0 || proteinuria === undefined) return invalid(...errors);

  const total = present.reduce((sum, d) => sum + d.weight, 0);
  const serology = present.filter((d) => SLEDAI_2K_SEROLOGY.includes(d.id)).reduce((sum, d) => sum + d.weight, 0);
  return calculated({
    calculator: 'sledai-2k',
    algorithmVersion: '1.0.0',
    value: total,
    components: {
      present,
      clinicalTotal: total - serology,
      proteinuria,
      lookBack: '10 days (SLEDAI-2K standard; a 30-day variant is also validated)',
    },
    inputs: input,
    source: SLEDAI_2K_SOURCE,
  });
}

export const compareSledai2k = scoreComparator({
  calculator: 'sledai-2k',
  source: SLEDAI_2K_SOURCE,
  range: { min: 0, max: SLEDAI_2K_MAX, integer: true, scale: 'SLEDAI-2K 0-105' },
});
