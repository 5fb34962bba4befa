import { anyOf, attested, measured } from './builders.js';

/**
 * Criteria shared by the cohorts of trial 1, from the registry record that probably matches it
 * (clinical-domain 0.3, tagged [src, probable match]). Thresholds in the units the record uses.
 */
export const trial1CommonCriteria = [
  measured('cd19-or-bcma-b-cells', 'CD19 or BCMA expression on peripheral B cells by flow cytometry', 'CD19_OR_BCMA_B_CELLS_POSITIVE', '=', true),
  measured('anc', 'ANC ≥1×10^9/L without G-CSF in the previous 2 weeks', 'ANC', '>=', 1.0, '10^9/L', 7),
  measured('haemoglobin', 'Haemoglobin ≥60 g/L', 'HAEMOGLOBIN', '>=', 60, 'g/L', 7),
  anyOf('bilirubin', 'Total bilirubin ≤2×ULN, or ≤3×ULN with Gilbert syndrome', [
    measured('bilirubin-2x', 'Total bilirubin ≤2×ULN', 'BILIRUBIN_X_ULN', '<=', 2, 'x ULN', 7),
    attested('gilbert-bilirubin-3x', 'Gilbert syndrome and total bilirubin ≤3×ULN'),
  ]),
  measured('crcl', 'Creatinine clearance ≥30 mL/min by Cockcroft-Gault', 'CRCL_COCKCROFT_GAULT', '>=', 30, 'mL/min', 7),
  measured('ecog', 'ECOG performance status 0-2', 'ECOG', '<=', 2, 'score'),
  measured('pregnancy', 'Negative hCG within 7 days before enrolment, or not of childbearing potential', 'PREGNANCY_EXCLUDED', '=', true, undefined, 7),
  attested('contraception', 'Agrees to effective contraception for ≥6 months after treatment'),
  attested('no-active-infection', 'No active uncontrolled infection (HBV, HCV, HIV, syphilis, TB, CMV/EBV viraemia)', 'exclusion'),
];

/** ALT/AST ≤3×ULN, except in myositis, where muscle enzymes are disease activity (record: "myositis exempt"). */
export const transaminases = measured('transaminases', 'ALT and AST ≤3×ULN', 'TRANSAMINASES_X_ULN', '<=', 3, 'x ULN', 7);
