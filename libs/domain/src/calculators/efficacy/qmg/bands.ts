/**
 * QMG grading bands, raw measurement → 0-3 (clinical-domain 3.12 [src, secondary reproductions of the MGFA
 * QMG table]; the primary form, Barohn RJ et al. Ann N Y Acad Sci 1998;841:769-72, was not re-read).
 *
 * Each band is written as the lowest raw value that earns the grade ("at least"), checked from grade 0 down,
 * which reproduces the published integer bands exactly and gives continuous measures (kg, % predicted) a
 * single unambiguous home: 44.5 kg right grip in a man is below ≥45 and so grade 1.
 */
export type Grade = 0 | 1 | 2 | 3;

/** [threshold for grade 0, for grade 1, for grade 2]; anything lower is grade 3. */
export type AtLeastBands = readonly [number, number, number];

export function gradeAtLeast(value: number, bands: AtLeastBands): Grade {
  if (value >= bands[0]) return 0;
  if (value >= bands[1]) return 1;
  if (value >= bands[2]) return 2;
  return 3;
}

/** Diplopia on lateral gaze and ptosis on upward gaze: ≥61 s / 11-60 / 1-10 / spontaneous (0 s). */
export const GAZE_SECONDS: AtLeastBands = [61, 11, 1];
/** Arm outstretched at 90° sitting: 240 s / 90-239 / 10-89 / 0-9. */
export const ARM_SECONDS: AtLeastBands = [240, 90, 10];
/** Forced vital capacity, % predicted: ≥80 / 65-79 / 50-64 / <50. */
export const VITAL_CAPACITY_PERCENT: AtLeastBands = [80, 65, 50];
/** Head lifted 45° supine: 120 s / 30-119 / 1-29 / 0. */
export const HEAD_SECONDS: AtLeastBands = [120, 30, 1];
/**
 * Leg outstretched 45° supine: 100 s / 31-99 / 1-30 / 0. The transcription writes grade 1 as 30-99, which
 * overlaps grade 2 (1-30); the independent implementation's 31-99 is kept (clinical-domain 3.12).
 */
export const LEG_SECONDS: AtLeastBands = [100, 31, 1];

/** Grip (kg), sex-specific, and lower on the left: right ♂ ≥45/15-44/5-14/0-4, ♀ ≥30/10-29/5-9/0-4; left ♂ ≥35/15-34, ♀ ≥25/10-24. */
export const GRIP_KG = {
  right: { male: [45, 15, 5], female: [30, 10, 5] },
  left: { male: [35, 15, 5], female: [25, 10, 5] },
} as const satisfies Record<'right' | 'left', Record<'male' | 'female', AtLeastBands>>;

/**
 * Counting aloud 1-50, number at which dysarthria begins: none at 50 → 0; 30-49 → 1; 10-29 → 2; ≤9 → 3.
 * Single-source band (clinical-domain 3.12), so the sponsor's CRF must confirm it.
 */
export function gradeSpeech(onsetCount: number | 'none'): Grade {
  if (onsetCount === 'none') return 0;
  if (onsetCount >= 30) return 1;
  if (onsetCount >= 10) return 2;
  return 3;
}

/** Test durations: a longer recorded time is a recording error, not a better grade. */
export const TEST_MAX_SECONDS = { gaze: 61, arm: 240, head: 120, leg: 100 } as const;
