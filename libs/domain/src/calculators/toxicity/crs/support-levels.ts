import { calculationError, type CalculationError } from '../../shared/calculation.js';
import type { Quantity } from '../../shared/quantity.js';
import { numberInRange, oneOf } from '../inputs.js';

/**
 * Hypotension and hypoxia categories of the ASTCT CRS grade (Lee et al. 2019, clinical-domain 2.2 [src]) and
 * the grade each one sets. They are entered as the support the patient needs *because of CRS*; oxygen a
 * participant already needed before infusion (e.g. pulmonary hypertension) is not CRS hypoxia.
 */
export const HYPOTENSION_SUPPORT = ['none', 'not-requiring-vasopressors', 'one-vasopressor', 'multiple-vasopressors'] as const;
export type HypotensionSupport = (typeof HYPOTENSION_SUPPORT)[number];

export const HYPOTENSION_GRADE: Readonly<Record<HypotensionSupport, 0 | 2 | 3 | 4>> = {
  none: 0,
  'not-requiring-vasopressors': 2,
  'one-vasopressor': 3,
  'multiple-vasopressors': 4,
};

/**
 * Hypotension category from the vasopressors running. Lee 2019: grade 3 is "one vasopressor with or without
 * vasopressin", grade 4 "multiple vasopressors (excluding vasopressin)", so vasopressin alone still counts as
 * one vasopressor but never makes a second one.
 */
export function hypotensionFromVasopressors(hypotensionPresent: boolean, vasopressors: readonly string[]): HypotensionSupport {
  const names = new Set(vasopressors.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''));
  if (names.size === 0) return hypotensionPresent ? 'not-requiring-vasopressors' : 'none';
  const others = [...names].filter((n) => n !== 'vasopressin').length;
  return others >= 2 ? 'multiple-vasopressors' : 'one-vasopressor';
}

export const OXYGEN_DEVICES = ['none', 'nasal-cannula', 'blow-by', 'facemask', 'non-rebreather', 'venturi', 'cpap', 'bipap', 'mechanical-ventilation'] as const;
export type OxygenDevice = (typeof OXYGEN_DEVICES)[number];

export type HypoxiaSupport = 'none' | 'low-flow' | 'high-flow' | 'positive-pressure';

export const HYPOXIA_GRADE: Readonly<Record<HypoxiaSupport, 0 | 2 | 3 | 4>> = { none: 0, 'low-flow': 2, 'high-flow': 3, 'positive-pressure': 4 };

export interface OxygenSupport {
  readonly device: OxygenDevice;
  /** Required for a nasal cannula: ≤6 L/min is low-flow, >6 L/min high-flow (Lee 2019). */
  readonly flow?: Quantity;
}

const LOW_FLOW_MAX_L_PER_MIN = 6;

/** The hypoxia category from the device and, for a nasal cannula, the flow. */
export function hypoxiaSupport(oxygen: OxygenSupport | undefined, errors: CalculationError[]): { support: HypoxiaSupport; flowLPerMin?: number } | undefined {
  if (oxygen === undefined || oxygen === null) {
    errors.push(calculationError('MISSING_MEASURE', 'oxygen', "oxygen is required (device 'none' when on room air)"));
    return undefined;
  }
  const device = oneOf(oxygen.device, OXYGEN_DEVICES, 'oxygen.device', errors);
  switch (device) {
    case undefined:
      return undefined;
    case 'none':
      return { support: 'none' };
    case 'blow-by':
      return { support: 'low-flow' };
    case 'facemask':
    case 'non-rebreather':
    case 'venturi':
      return { support: 'high-flow' };
    case 'cpap':
    case 'bipap':
    case 'mechanical-ventilation':
      return { support: 'positive-pressure' };
    case 'nasal-cannula': {
      const flow = oxygen.flow;
      if (flow === undefined || flow === null) {
        errors.push(calculationError('MISSING_MEASURE', 'oxygen.flow', 'a nasal cannula needs its flow (L/min): ≤6 is low-flow, >6 high-flow'));
        return undefined;
      }
      if (flow.unit !== 'L/min') {
        errors.push(calculationError('WRONG_UNIT', 'oxygen.flow.unit', `oxygen.flow unit '${String(flow.unit)}' is not accepted; use L/min`));
        return undefined;
      }
      const litres = numberInRange(flow.value, 'oxygen.flow.value', { min: 0, max: 80 }, errors, { exclusiveMin: true });
      if (litres === undefined) return undefined;
      return { support: litres <= LOW_FLOW_MAX_L_PER_MIN ? 'low-flow' : 'high-flow', flowLPerMin: litres };
    }
  }
}
