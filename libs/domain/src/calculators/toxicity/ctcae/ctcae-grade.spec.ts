import { ctcaeGrade, type CtcaeGradeInputs } from './ctcae-grade.js';

// Term scales: NCI CTCAE v5.0 (27 Nov 2017) [lit: from the term tables, not re-read]; general 1-5 scale [src: clinical-domain 2.1].
describe('CTCAE v5.0 grade validation', () => {
  it.each<[string, number, boolean]>([
    ['Fever', 5, false],
    ['Cytokine release syndrome', 4, false],
    ['Fatigue', 3, true],
    ['Alopecia', 2, true],
    ['Neutrophil count decreased', 4, true],
    ['neutrophil  COUNT decreased', 1, true],
    ['Febrile neutropenia', 3, true],
    ['Sepsis', 5, true],
  ])('accepts %s grade %p (term-specific: %p)', (term, grade, termSpecific) => {
    const outcome = ctcaeGrade({ term, grade });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(grade);
    expect(outcome.result.components.termSpecific).toBe(termSpecific);
    expect(outcome.result.components.dictionary).toBe('CTCAE v5.0');
    expect(outcome.result.calculator).toBe('ctcae.v5.grade');
  });

  it.each<[string, unknown, string, string]>([
    ['grade 0 (not a CTCAE grade)', { term: 'Fever', grade: 0 }, 'OUT_OF_RANGE', 'grade'],
    ['grade 6', { term: 'Fever', grade: 6 }, 'OUT_OF_RANGE', 'grade'],
    ['grade 2.5', { term: 'Fever', grade: 2.5 }, 'INVALID_VALUE', 'grade'],
    ['Alopecia grade 3 (scale stops at 2)', { term: 'Alopecia', grade: 3 }, 'OUT_OF_RANGE', 'grade'],
    ['Fatigue grade 4 (scale stops at 3)', { term: 'Fatigue', grade: 4 }, 'OUT_OF_RANGE', 'grade'],
    ['Nausea grade 5 (scale stops at 3)', { term: 'Nausea', grade: 5 }, 'OUT_OF_RANGE', 'grade'],
    ['Neutrophil count decreased grade 5 (lab terms stop at 4)', { term: 'Neutrophil count decreased', grade: 5 }, 'OUT_OF_RANGE', 'grade'],
    ['Febrile neutropenia grade 2 (defined from grade 3)', { term: 'Febrile neutropenia', grade: 2 }, 'OUT_OF_RANGE', 'grade'],
    ['a missing term', { grade: 2 }, 'MISSING_MEASURE', 'term'],
    ['a missing grade', { term: 'Fever' }, 'MISSING_MEASURE', 'grade'],
  ])('rejects %s', (_title, inputs, code, field) => {
    expect(ctcaeGrade(inputs as CtcaeGradeInputs)).toEqual({ ok: false, errors: [expect.objectContaining({ code, field })] });
  });
});
