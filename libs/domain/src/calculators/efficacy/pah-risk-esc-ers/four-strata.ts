import { calculated, calculationError, invalid, roundHalfUp, type Calculation } from '../../shared/calculation.js';
import type { Quantity } from '../../shared/quantity.js';
import { readChoice, readQuantity, type Errors } from '../common/read-input.js';
import { grade6mwd, gradeBnp, gradeNtProBnp, gradeWhoFc, RISK_STRATA, WHO_FUNCTIONAL_CLASSES, type RiskGrade, type RiskStratum, type WhoFunctionalClass } from './bands.js';

export const PAH_RISK_SOURCE =
  'Humbert M et al. 2022 ESC/ERS Guidelines for the diagnosis and treatment of pulmonary hypertension. Eur Heart J 2022;43:3618-731 (four-strata follow-up tool); Hoeper MM et al. COMPERA 2.0. Eur Respir J 2022';

export interface PahRiskInput {
  readonly whoFunctionalClass?: WhoFunctionalClass;
  /** Six-minute walk distance (m, or any length unit). */
  readonly sixMinuteWalkDistance?: Quantity;
  /** Give BNP or NT-proBNP, not both (ng/L = pg/mL). */
  readonly bnp?: Quantity;
  readonly ntProBnp?: Quantity;
}

export interface PahRiskOptions {
  /**
   * The tool has three variables; COMPERA 2.0 also scored patients with two of the three [lit]. Default 3, so a
   * missing variable is an error unless the protocol accepts 2.
   */
  readonly minimumVariables?: 2 | 3;
}

export interface PahRiskComponents {
  readonly grades: { readonly whoFunctionalClass?: RiskGrade; readonly sixMinuteWalkDistance?: RiskGrade; readonly bnp?: RiskGrade; readonly ntProBnp?: RiskGrade };
  /** Unrounded mean of the available grades. */
  readonly mean: number;
  /** Mean rounded to the nearest integer, .5 up (1.5 → 2, 2.5 → 3, 3.5 → 4). */
  readonly score: RiskGrade;
}

export function pahFourStrataRisk(input: PahRiskInput, options: PahRiskOptions = {}): Calculation<RiskStratum, PahRiskInput, PahRiskComponents> {
  const errors: Errors = [];
  const minimum = options.minimumVariables ?? 3;
  if (minimum !== 2 && minimum !== 3) return invalid(calculationError('INVALID_VALUE', 'options.minimumVariables', 'minimumVariables is 2 or 3'));
  const has = (value: unknown) => value !== undefined && value !== null;
  const required = minimum === 3;
  const grades: { -readonly [K in keyof PahRiskComponents['grades']]: RiskGrade } = {};

  if (has(input?.whoFunctionalClass) || required) {
    const fc = readChoice(input?.whoFunctionalClass, 'whoFunctionalClass', WHO_FUNCTIONAL_CLASSES, errors);
    if (fc !== undefined) grades.whoFunctionalClass = gradeWhoFc(fc);
  }
  if (has(input?.sixMinuteWalkDistance) || required) {
    const cm = readQuantity('length', input?.sixMinuteWalkDistance, 'sixMinuteWalkDistance', errors, { min: 0 });
    if (cm !== undefined) grades.sixMinuteWalkDistance = grade6mwd(cm / 100);
  }
  if (has(input?.bnp) && has(input?.ntProBnp)) {
    errors.push(calculationError('INVALID_VALUE', 'ntProBnp', 'give BNP or NT-proBNP, not both: the tool grades one natriuretic peptide'));
  } else if (has(input?.bnp)) {
    const bnp = readQuantity('natriureticPeptide', input.bnp, 'bnp', errors, { min: 0 });
    if (bnp !== undefined) grades.bnp = gradeBnp(bnp);
  } else if (has(input?.ntProBnp) || required) {
    if (!has(input?.ntProBnp)) errors.push(calculationError('MISSING_MEASURE', 'ntProBnp', 'BNP or NT-proBNP is required'));
    else {
      const nt = readQuantity('natriureticPeptide', input.ntProBnp, 'ntProBnp', errors, { min: 0 });
      if (nt !== undefined) grades.ntProBnp = gradeNtProBnp(nt);
    }
  }
  const values = Object.values(grades);
  if (errors.length === 0 && values.length < minimum) {
    errors.push(calculationError('MISSING_MEASURE', 'input', `at least ${minimum} of WHO-FC, 6MWD and BNP/NT-proBNP are required; got ${values.length}`));
  }
  if (errors.length > 0) return invalid(...errors);

  const mean = values.reduce((sum: number, g) => sum + g, 0) / values.length;
  const score = roundHalfUp(mean, 0) as RiskGrade;
  return calculated({
    calculator: 'pah-risk.esc-ers-2022-four-strata',
    algorithmVersion: '1.0.0',
    value: RISK_STRATA[score - 1] as RiskStratum,
    components: { grades, mean, score },
    inputs: input,
    source: PAH_RISK_SOURCE,
  });
}
