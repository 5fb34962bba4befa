import { calculated, calculationError, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import { CTCAE_V5_RESTRICTED_TERMS, ctcaeTermKey, type CtcaeGrade } from './ctcae-terms.js';

export interface CtcaeGradeInputs {
  /** CTCAE v5.0 term (MedDRA LLT), e.g. `Neutrophil count decreased`. */
  readonly term: string;
  readonly grade: number;
}

export interface CtcaeGradeComponents {
  readonly dictionary: 'CTCAE v5.0';
  readonly allowedGrades: readonly CtcaeGrade[];
  /** False when the term is not in the restricted-term table and only the general 1-5 scale was checked. */
  readonly termSpecific: boolean;
}

export type CtcaeGradeResult = CalculatorResult<CtcaeGrade, CtcaeGradeInputs, CtcaeGradeComponents>;

const ALL_GRADES: readonly CtcaeGrade[] = [1, 2, 3, 4, 5];
const SOURCE = 'NCI Common Terminology Criteria for Adverse Events v5.0 (27 Nov 2017): general grades 1-5; term-specific scales [lit].';

/** Validates a CTCAE v5.0 grade for a term: 1-5 (grade 0 is not a CTCAE grade) within the term's own scale. */
export function ctcaeGrade(inputs: CtcaeGradeInputs): Calculation<CtcaeGrade, CtcaeGradeInputs, CtcaeGradeComponents> {
  const errors: CalculationError[] = [];
  const term = inputs.term;
  if (typeof term !== 'string' || term.trim() === '') errors.push(calculationError('MISSING_MEASURE', 'term', 'term is required'));
  const restricted = typeof term === 'string' ? CTCAE_V5_RESTRICTED_TERMS[ctcaeTermKey(term)] : undefined;
  const allowed = restricted ?? ALL_GRADES;
  const grade = inputs.grade;
  if (grade === undefined || grade === null) {
    errors.push(calculationError('MISSING_MEASURE', 'grade', 'grade is required'));
  } else if (typeof grade !== 'number' || !Number.isInteger(grade)) {
    errors.push(calculationError('INVALID_VALUE', 'grade', 'grade must be a whole number 1-5'));
  } else if (!(allowed as readonly number[]).includes(grade)) {
    const why = grade === 0 ? 'grade 0 is not a CTCAE grade' : `CTCAE v5.0 grades for ${restricted ? `'${term}'` : 'any term'} are ${allowed.join(', ')}`;
    errors.push(calculationError('OUT_OF_RANGE', 'grade', `${why} (got ${grade})`));
  }
  if (errors.length > 0) return invalid(...errors);
  return calculated({
    calculator: 'ctcae.v5.grade',
    algorithmVersion: '1.0.0',
    value: grade as CtcaeGrade,
    components: { dictionary: 'CTCAE v5.0', allowedGrades: allowed, termSpecific: restricted !== undefined },
    inputs,
    source: SOURCE,
  });
}
