/**
 * 2016 ACR/EULAR myositis response criteria, conjoint-analysis points by percentage improvement (Rider LG et al.
 * Rheumatology 2017;56:1884-93, Table 3 [src, every cell checked, clinical-domain 3.14]). One table serves adult
 * DM/PM and JDM; only the improvement thresholds differ.
 *
 * Bands are "worsening to ≤x%" then ">x% to ≤y%": improvement exactly on a boundary falls in the lower band.
 */
export const TIS_MEASURES = ['physicianGlobal', 'patientGlobal', 'manualMuscleTesting', 'haq', 'muscleEnzymes', 'extramuscularGlobal'] as const;
export type TisMeasure = (typeof TIS_MEASURES)[number];

export interface PointsBand {
  /** Upper bounds (inclusive) of the first four bands, in % improvement; above the last is the top band. */
  readonly upTo: readonly [number, number, number, number];
  readonly points: readonly [number, number, number, number, number];
}

const STANDARD_BANDS = [5, 15, 25, 40] as const;

export const TIS_POINTS: Readonly<Record<TisMeasure, PointsBand>> = {
  physicianGlobal: { upTo: STANDARD_BANDS, points: [0, 7.5, 15, 17.5, 20] },
  patientGlobal: { upTo: STANDARD_BANDS, points: [0, 2.5, 5, 7.5, 10] },
  manualMuscleTesting: { upTo: [2, 10, 20, 30], points: [0, 10, 20, 27.5, 32.5] },
  haq: { upTo: STANDARD_BANDS, points: [0, 5, 7.5, 7.5, 10] },
  muscleEnzymes: { upTo: STANDARD_BANDS, points: [0, 2.5, 5, 7.5, 7.5] },
  extramuscularGlobal: { upTo: STANDARD_BANDS, points: [0, 7.5, 12.5, 15, 20] },
};

export function pointsFor(measure: TisMeasure, improvementPercent: number): number {
  const { upTo, points } = TIS_POINTS[measure];
  const band = upTo.findIndex((limit) => improvementPercent <= limit);
  return points[band === -1 ? 4 : band] ?? 0;
}

export type TisPopulation = 'adult' | 'juvenile';
export type TisImprovement = 'none' | 'minimal' | 'moderate' | 'major';

/** Minimal / moderate / major: adult DM/PM ≥20/40/60, JDM ≥30/45/70 [src]. */
export const TIS_THRESHOLDS: Readonly<Record<TisPopulation, { readonly minimal: number; readonly moderate: number; readonly major: number }>> = {
  adult: { minimal: 20, moderate: 40, major: 60 },
  juvenile: { minimal: 30, moderate: 45, major: 70 },
};

export function improvementLevel(tis: number, population: TisPopulation): TisImprovement {
  const t = TIS_THRESHOLDS[population];
  if (tis >= t.major) return 'major';
  if (tis >= t.moderate) return 'moderate';
  if (tis >= t.minimal) return 'minimal';
  return 'none';
}
