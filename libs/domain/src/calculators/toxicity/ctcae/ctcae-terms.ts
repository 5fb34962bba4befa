/**
 * CTCAE v5.0 terms whose grade scale is not the full 1-5 (clinical-domain 2.1: "not every term has every grade";
 * the term-specific definition always wins). Source: NCI CTCAE v5.0, 27 November 2017 [lit]: taken from the
 * term tables as known to the author, not re-read for this change; kept deliberately small (terms the
 * reference mentions for these trials or common after CAR-T). A term not listed here is validated against the
 * general 1-5 scale and the result says the check was not term-specific.
 */
export type CtcaeGrade = 1 | 2 | 3 | 4 | 5;

export const CTCAE_V5_RESTRICTED_TERMS: Readonly<Record<string, readonly CtcaeGrade[]>> = {
  // Symptoms without a life-threatening grade: they stop at 3 (or 2).
  alopecia: [1, 2],
  dysgeusia: [1, 2],
  fatigue: [1, 2, 3],
  nausea: [1, 2, 3],
  headache: [1, 2, 3],
  chills: [1, 2, 3],
  myalgia: [1, 2, 3],
  arthralgia: [1, 2, 3],
  cough: [1, 2, 3],
  tremor: [1, 2, 3],
  // Laboratory "Investigations" terms grade the value only: 1-4, never 5 (death is graded on the clinical term).
  'neutrophil count decreased': [1, 2, 3, 4],
  'platelet count decreased': [1, 2, 3, 4],
  'white blood cell decreased': [1, 2, 3, 4],
  'lymphocyte count decreased': [1, 2, 3, 4],
  'alanine aminotransferase increased': [1, 2, 3, 4],
  'aspartate aminotransferase increased': [1, 2, 3, 4],
  'blood bilirubin increased': [1, 2, 3, 4],
  'creatinine increased': [1, 2, 3, 4],
  // Terms defined only from grade 3 upwards.
  'febrile neutropenia': [3, 4, 5],
  sepsis: [3, 4, 5],
  'tumor lysis syndrome': [3, 4, 5],
};

/** Case- and spacing-insensitive key of a CTCAE term (MedDRA LLT text). */
export const ctcaeTermKey = (term: string): string => term.trim().toLowerCase().replace(/\s+/g, ' ');
