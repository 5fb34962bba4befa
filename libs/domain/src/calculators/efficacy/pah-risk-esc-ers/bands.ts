/**
 * ESC/ERS 2022 four-strata follow-up risk tool (from COMPERA 2.0): each variable graded 1-4 (clinical-domain 3.9).
 * BNP and NT-proBNP bands [src: AppCardio summary of the guideline]; WHO-FC and 6MWD bands [lit, unverified
 * after search]. Bands are written as published; non-integer values fall by the printed inequality, with the
 * integer ranges read as "up to the next band's lower limit" (6MWD 319.5 m is in 165-319 → 3).
 */
export type RiskGrade = 1 | 2 | 3 | 4;

export const WHO_FUNCTIONAL_CLASSES = ['I', 'II', 'III', 'IV'] as const;
export type WhoFunctionalClass = (typeof WHO_FUNCTIONAL_CLASSES)[number];

/** WHO-FC I or II → 1, III → 3, IV → 4 (no class earns 2). */
export const gradeWhoFc = (fc: WhoFunctionalClass): RiskGrade => ({ I: 1, II: 1, III: 3, IV: 4 } as const)[fc];

/** 6MWD (m): >440 → 1; 320-440 → 2; 165-319 → 3; <165 → 4. */
export function grade6mwd(metres: number): RiskGrade {
  if (metres > 440) return 1;
  if (metres >= 320) return 2;
  if (metres >= 165) return 3;
  return 4;
}

/** BNP (ng/L): <50 → 1; 50-199 → 2; 200-800 → 3; >800 → 4. */
export function gradeBnp(ngPerL: number): RiskGrade {
  if (ngPerL < 50) return 1;
  if (ngPerL < 200) return 2;
  if (ngPerL <= 800) return 3;
  return 4;
}

/** NT-proBNP (ng/L): <300 → 1; 300-649 → 2; 650-1100 → 3; >1100 → 4. */
export function gradeNtProBnp(ngPerL: number): RiskGrade {
  if (ngPerL < 300) return 1;
  if (ngPerL < 650) return 2;
  if (ngPerL <= 1100) return 3;
  return 4;
}

export const RISK_STRATA = ['low', 'intermediate-low', 'intermediate-high', 'high'] as const;
export type RiskStratum = (typeof RISK_STRATA)[number];
