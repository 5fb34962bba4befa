import { calculated, calculationError, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { toCanonical, type Quantity } from '../../shared/quantity.js';
import { flag, oneOf } from '../inputs.js';
import { HYPOTENSION_GRADE, HYPOTENSION_SUPPORT, HYPOXIA_GRADE, hypoxiaSupport, type HypotensionSupport, type HypoxiaSupport, type OxygenSupport } from './support-levels.js';

export type CrsGrade = 0 | 1 | 2 | 3 | 4 | 5;

export interface CrsAssessmentInputs {
  /** Highest temperature of the assessment period, in °C. Required unless fever is masked by treatment. */
  readonly temperature?: Quantity;
  /** Lee 2019: fever counts only when not attributable to another cause (e.g. a documented infection). */
  readonly feverAttributableToOtherCause?: boolean;
  /**
   * Antipyretics or anti-cytokine therapy (tocilizumab, steroids) given for CRS: from then on fever is no
   * longer required and the grade rests on hypotension and hypoxia (Lee 2019, clinical-domain 2.2).
   */
  readonly feverMaskedByTreatment?: boolean;
  /** Support needed for CRS hypotension (use hypotensionFromVasopressors to derive it from the drug list). */
  readonly hypotension: HypotensionSupport;
  /** Oxygen support needed for CRS hypoxia; `{ device: 'none' }` on room air. */
  readonly oxygen: OxygenSupport;
  /** Death due to CRS with no other principal cause: grade 5 [lit]. */
  readonly deathDueToCrs?: boolean;
}

export interface CrsComponents {
  readonly temperatureC?: number;
  readonly feverPresent: boolean;
  readonly feverMasked: boolean;
  readonly hypotension: HypotensionSupport;
  readonly hypotensionGrade: number;
  readonly hypoxia: HypoxiaSupport;
  readonly hypoxiaGrade: number;
  readonly oxygenFlowLPerMin?: number;
  /** What set the grade: the worse of hypotension and hypoxia, else fever alone. */
  readonly drivenBy: 'none' | 'fever' | 'hypotension' | 'hypoxia' | 'hypotension-and-hypoxia' | 'death';
}

export type CrsResult = CalculatorResult<CrsGrade, CrsAssessmentInputs, CrsComponents>;

const SOURCE = 'Lee DW et al. ASTCT consensus grading for cytokine release syndrome and neurologic toxicity. Biol Blood Marrow Transplant 2019;25:625-638 (CRS table).';
const FEVER_THRESHOLD_C = 38.0;

/** ASTCT CRS grade of one assessment from raw parameters. */
export function crsGrade(inputs: CrsAssessmentInputs): Calculation<CrsGrade, CrsAssessmentInputs, CrsComponents> {
  const errors: CalculationError[] = [];
  const masked = flag(inputs.feverMaskedByTreatment, 'feverMaskedByTreatment', errors);
  const otherCause = flag(inputs.feverAttributableToOtherCause, 'feverAttributableToOtherCause', errors);
  const death = flag(inputs.deathDueToCrs, 'deathDueToCrs', errors);
  let temperatureC: number | undefined;
  if (inputs.temperature !== undefined || !masked) {
    const t = toCanonical('temperature', inputs.temperature, 'temperature');
    if (!t.ok) errors.push(t.error);
    else if (t.value < 30 || t.value > 45) errors.push(calculationError('OUT_OF_RANGE', 'temperature.value', `temperature must be within 30-45 °C (got ${t.value})`));
    else temperatureC = t.value;
  }
  const hypotension = oneOf(inputs.hypotension, HYPOTENSION_SUPPORT, 'hypotension', errors);
  const oxygen = hypoxiaSupport(inputs.oxygen, errors);
  if (errors.length > 0 || hypotension === undefined || oxygen === undefined) return invalid(...errors);

  const feverPresent = temperatureC !== undefined && temperatureC >= FEVER_THRESHOLD_C && !otherCause;
  const hypotensionGrade = HYPOTENSION_GRADE[hypotension];
  const hypoxiaGrade = HYPOXIA_GRADE[oxygen.support];
  const organGrade = Math.max(hypotensionGrade, hypoxiaGrade);
  // Without fever (and without treatment masking it) the findings are not CRS under ASTCT: grade 0. With fever
  // masked and neither hypotension nor hypoxia, grade 1 (fever alone) cannot be established either: also 0 [?].
  const crs = feverPresent || masked;
  const grade: CrsGrade = death ? 5 : !crs ? 0 : organGrade > 0 ? (organGrade as CrsGrade) : feverPresent ? 1 : 0;
  const drivenBy: CrsComponents['drivenBy'] = death
    ? 'death'
    : grade === 0
      ? 'none'
      : organGrade === 0
        ? 'fever'
        : hypotensionGrade === hypoxiaGrade
          ? 'hypotension-and-hypoxia'
          : hypotensionGrade > hypoxiaGrade
            ? 'hypotension'
            : 'hypoxia';
  return calculated({
    calculator: 'crs.astct',
    algorithmVersion: '1.0.0',
    value: grade,
    components: {
      ...(temperatureC === undefined ? {} : { temperatureC }),
      feverPresent,
      feverMasked: masked,
      hypotension,
      hypotensionGrade,
      hypoxia: oxygen.support,
      hypoxiaGrade,
      ...(oxygen.flowLPerMin === undefined ? {} : { oxygenFlowLPerMin: oxygen.flowLPerMin }),
      drivenBy,
    },
    inputs,
    source: SOURCE,
  });
}
