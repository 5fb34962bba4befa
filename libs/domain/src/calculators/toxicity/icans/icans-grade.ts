import { calculated, calculationError, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { flag, numberInRange, oneOf } from '../inputs.js';
import {
  capdGrade,
  CONSCIOUSNESS_GRADE,
  CONSCIOUSNESS_LEVELS,
  iceGrade,
  MOTOR_FINDINGS,
  MOTOR_GRADE,
  OEDEMA_FINDINGS,
  OEDEMA_GRADE,
  SEIZURE_FINDINGS,
  SEIZURE_GRADE,
  type ConsciousnessLevel,
  type MotorFinding,
  type OedemaFinding,
  type SeizureFinding,
} from './icans-domains.js';

export type IcansGrade = 0 | 1 | 2 | 3 | 4 | 5;

/** ICE (age >12) or CAPD (age ≤12, or older with developmental delay): a score, or unable to perform. */
export interface EncephalopathyAssessment {
  readonly instrument: 'ice' | 'capd';
  readonly score?: number;
  readonly unableToPerform?: boolean;
}

export interface IcansAssessmentInputs {
  readonly ageYears: number;
  /** Lets a child over 12 be assessed with CAPD (ASTCT: older children with developmental delay). */
  readonly developmentalDelay?: boolean;
  readonly encephalopathy: EncephalopathyAssessment;
  readonly consciousness: ConsciousnessLevel;
  readonly seizure: SeizureFinding;
  readonly motor: MotorFinding;
  readonly cerebralOedema: OedemaFinding;
  /** Death due to ICANS with no other principal cause: grade 5 [lit]. */
  readonly deathDueToIcans?: boolean;
}

export type IcansDomain = 'encephalopathy' | 'consciousness' | 'seizure' | 'motor' | 'cerebralOedema';

export interface IcansComponents {
  readonly instrument: 'ice' | 'capd';
  readonly domainGrades: Readonly<Record<IcansDomain, number>>;
  /** The domains at the final grade (worst domain wins). */
  readonly drivenBy: readonly IcansDomain[];
}

export type IcansResult = CalculatorResult<IcansGrade, IcansAssessmentInputs, IcansComponents>;

const SOURCE = 'Lee DW et al. Biol Blood Marrow Transplant 2019;25:625-638: ASTCT ICANS grading, adult (ICE) and paediatric (CAPD, ≤12 y) tables.';
const CAPD_MAX_AGE = 12;

function encephalopathyGrade(inputs: IcansAssessmentInputs, consciousness: ConsciousnessLevel | undefined, age: number | undefined, errors: CalculationError[]) {
  const e = inputs.encephalopathy;
  if (e === undefined || e === null) {
    errors.push(calculationError('MISSING_MEASURE', 'encephalopathy', 'encephalopathy (ICE or CAPD) is required'));
    return undefined;
  }
  const instrument = oneOf(e.instrument, ['ice', 'capd'] as const, 'encephalopathy.instrument', errors);
  const delayed = flag(inputs.developmentalDelay, 'developmentalDelay', errors);
  if (instrument === 'ice' && age !== undefined && age <= CAPD_MAX_AGE) {
    errors.push(calculationError('NOT_APPLICABLE', 'encephalopathy.instrument', `children ≤12 years are assessed with CAPD, not ICE (age ${age})`));
  }
  if (instrument === 'capd' && age !== undefined && age > CAPD_MAX_AGE && !delayed) {
    errors.push(calculationError('NOT_APPLICABLE', 'encephalopathy.instrument', `CAPD is for children ≤12 years or with developmental delay (age ${age}); use ICE`));
  }
  const unable = flag(e.unableToPerform, 'encephalopathy.unableToPerform', errors);
  if (unable && e.score !== undefined) errors.push(calculationError('INVALID_VALUE', 'encephalopathy.score', 'give a score or unableToPerform, not both'));
  if (instrument === undefined) return undefined;
  if (unable) {
    // ASTCT: ICE 0 with the patient unarousable is grade 4, but an awake patient with global aphasia scores 0
    // (grade 3); "unable" without unarousability is neither, so the assessor must record what happened.
    if (instrument === 'ice' && consciousness !== undefined && consciousness !== 'unarousable') {
      errors.push(calculationError('INVALID_VALUE', 'encephalopathy.unableToPerform', 'ICE not performed but the patient is arousable: score it (0 if awake and aphasic)'));
      return undefined;
    }
    return { instrument, grade: 4 };
  }
  const max = instrument === 'ice' ? 10 : 32;
  const score = numberInRange(e.score, 'encephalopathy.score', { min: 0, max }, errors, { integer: true });
  return score === undefined ? undefined : { instrument, grade: instrument === 'ice' ? iceGrade(score) : capdGrade(score) };
}

/** ASTCT ICANS grade of one assessment: the worst of its five domains. */
export function icansGrade(inputs: IcansAssessmentInputs): Calculation<IcansGrade, IcansAssessmentInputs, IcansComponents> {
  const errors: CalculationError[] = [];
  const age = numberInRange(inputs.ageYears, 'ageYears', { min: 0, max: 120 }, errors);
  const consciousness = oneOf(inputs.consciousness, CONSCIOUSNESS_LEVELS, 'consciousness', errors);
  const enc = encephalopathyGrade(inputs, consciousness, age, errors);
  const seizure = oneOf(inputs.seizure, SEIZURE_FINDINGS, 'seizure', errors);
  const motor = oneOf(inputs.motor, MOTOR_FINDINGS, 'motor', errors);
  const oedema = oneOf(inputs.cerebralOedema, OEDEMA_FINDINGS, 'cerebralOedema', errors);
  const death = flag(inputs.deathDueToIcans, 'deathDueToIcans', errors);
  if (errors.length > 0 || !enc || !consciousness || !seizure || !motor || !oedema) return invalid(...errors);

  const domainGrades: Record<IcansDomain, number> = {
    encephalopathy: enc.grade,
    consciousness: CONSCIOUSNESS_GRADE[consciousness],
    seizure: SEIZURE_GRADE[seizure],
    motor: MOTOR_GRADE[motor],
    cerebralOedema: OEDEMA_GRADE[oedema],
  };
  const worst = Math.max(...Object.values(domainGrades));
  const grade = (death ? 5 : worst) as IcansGrade;
  const drivenBy = worst === 0 ? [] : (Object.keys(domainGrades) as IcansDomain[]).filter((d) => domainGrades[d] === worst);
  return calculated({
    calculator: 'icans.astct',
    algorithmVersion: '1.0.0',
    value: grade,
    components: { instrument: enc.instrument, domainGrades, drivenBy },
    inputs,
    source: SOURCE,
  });
}
