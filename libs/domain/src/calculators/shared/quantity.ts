import { calculationError, type CalculationError } from './calculation.js';

/**
 * A measured value with its unit. Units are always explicit: a creatinine of "80" is meaningless until one
 * knows whether it is µmol/L or mg/dL (clinical-domain 0.2), so calculators accept quantities, never bare
 * numbers, for anything that has a unit.
 */
export interface Quantity<U extends string = string> {
  readonly value: number;
  readonly unit: U;
}

/** Conversion factors to a canonical unit, per dimension. 1 mg/dL creatinine = 88.4 µmol/L. */
const CONVERSIONS = {
  creatinine: { canonical: 'mg/dL', factors: { 'mg/dL': 1, 'µmol/L': 1 / 88.4, 'umol/L': 1 / 88.4 } },
  haemoglobin: { canonical: 'g/dL', factors: { 'g/dL': 1, 'g/L': 0.1 } },
  mass: { canonical: 'kg', factors: { kg: 1, g: 0.001, lb: 0.45359237 } },
  length: { canonical: 'cm', factors: { cm: 1, m: 100, mm: 0.1, in: 2.54 } },
  temperature: { canonical: '°C', factors: { '°C': 1 } },
  // Efficacy instruments (clinical-domain 3.1, 3.7, 3.9, 3.14, 3.15). Creatinine is 113.12 g/mol, so a UPCR of
  // 1 mg/mmol is 1/113.12 g/g; KDIGO's "0.5 g/g (50 mg/mmol)" quotes a rounded equivalent (exactly 56.6 mg/mmol).
  upcr: { canonical: 'g/g', factors: { 'g/g': 1, 'mg/mg': 1, 'mg/g': 0.001, 'mg/mmol': 1 / 113.12, 'g/mmol': 1000 / 113.12 } },
  proteinuria24h: { canonical: 'g/24h', factors: { 'g/24h': 1, 'g/day': 1, 'mg/24h': 0.001, 'mg/day': 0.001 } },
  egfr: { canonical: 'mL/min/1.73m²', factors: { 'mL/min/1.73m²': 1, 'mL/min/1.73m2': 1 } },
  /** BNP and NT-proBNP: ng/L and pg/mL are the same concentration. */
  natriureticPeptide: { canonical: 'ng/L', factors: { 'ng/L': 1, 'pg/mL': 1 } },
  /** CK, aldolase, LDH, AST, ALT: 1 µkat/L = 60 U/L. */
  enzymeActivity: { canonical: 'U/L', factors: { 'U/L': 1, 'IU/L': 1, 'µkat/L': 60, 'ukat/L': 60 } },
  /** 1 mg/dL bilirubin = 17.1 µmol/L. */
  bilirubin: { canonical: 'µmol/L', factors: { 'µmol/L': 1, 'umol/L': 1, 'mg/dL': 17.1 } },
  haptoglobin: { canonical: 'g/L', factors: { 'g/L': 1, 'mg/dL': 0.01 } },
  reticulocyteCount: { canonical: '10^9/L', factors: { '10^9/L': 1, '10^3/µL': 1, '10^3/uL': 1, '10^12/L': 1000 } },
  reticulocytePercent: { canonical: '%', factors: { '%': 1 } },
  /** Drug amounts (lymphodepletion doses): administered vs calculated dose checks convert here. */
  drugAmount: { canonical: 'mg', factors: { mg: 1, g: 1000, 'µg': 0.001, ug: 0.001 } },
} as const;

export type Dimension = keyof typeof CONVERSIONS;
export type UnitOf<D extends Dimension> = keyof (typeof CONVERSIONS)[D]['factors'] & string;
export type CanonicalUnit<D extends Dimension> = (typeof CONVERSIONS)[D]['canonical'];

export const acceptedUnits = <D extends Dimension>(dimension: D): readonly string[] => Object.keys(CONVERSIONS[dimension].factors);

/**
 * Converts a quantity to the dimension's canonical unit, or explains (naming `field`) why it cannot: no
 * unit, an unknown unit, or a value that is not a finite number.
 */
export function toCanonical<D extends Dimension>(
  dimension: D,
  quantity: Quantity | undefined,
  field: string,
): { readonly ok: true; readonly value: number; readonly unit: CanonicalUnit<D> } | { readonly ok: false; readonly error: CalculationError } {
  if (quantity === undefined || quantity === null) return { ok: false, error: calculationError('MISSING_MEASURE', field, `${field} is required`) };
  if (typeof quantity.value !== 'number' || !Number.isFinite(quantity.value)) {
    return { ok: false, error: calculationError('INVALID_VALUE', `${field}.value`, `${field} must be a finite number`) };
  }
  const table = CONVERSIONS[dimension];
  const factor = (table.factors as Record<string, number>)[quantity.unit];
  if (factor === undefined) {
    return {
      ok: false,
      error: calculationError('WRONG_UNIT', `${field}.unit`, `${field} unit '${quantity.unit}' is not accepted; use one of ${acceptedUnits(dimension).join(', ')}`),
    };
  }
  return { ok: true, value: quantity.value * factor, unit: table.canonical as CanonicalUnit<D> };
}

/** Change from baseline (follow-up − baseline). */
export const changeFromBaseline = (baseline: number, followUp: number): number => followUp - baseline;

/** Percentage change from baseline; undefined when the baseline is zero (no defined percentage). */
export const percentChangeFromBaseline = (baseline: number, followUp: number): number | undefined =>
  baseline === 0 ? undefined : ((followUp - baseline) / Math.abs(baseline)) * 100;
