import { calculated, invalid, type Calculation } from '../../shared/calculation.js';
import type { Quantity } from '../../shared/quantity.js';
import { scoreComparator } from '../common/compare.js';
import { readChoice, readNumber, readQuantity, type Errors } from '../common/read-input.js';
import { ARM_SECONDS, GAZE_SECONDS, GRIP_KG, gradeAtLeast, gradeSpeech, HEAD_SECONDS, LEG_SECONDS, TEST_MAX_SECONDS, VITAL_CAPACITY_PERCENT, type Grade } from './bands.js';

export const QMG_SOURCE =
  'Barohn RJ et al. Reliability testing of the quantitative myasthenia gravis score. Ann N Y Acad Sci 1998;841:769-72 (MGFA QMG table as reproduced in clinical-domain 3.12)';

/**
 * Raw measurements, so the score can always be re-derived (clinical-domain 3.12). Observer-rated items (facial
 * muscles, swallowing) are entered as their 0-3 grade because the grade is the observation.
 */
export interface QmgInput {
  /** Grip thresholds are sex-specific. */
  readonly sex: 'male' | 'female';
  /** Seconds to onset of diplopia on lateral gaze (0-61, 0 or 'spontaneous' = present at once). */
  readonly diplopiaSeconds: number | 'spontaneous';
  /** Seconds to ptosis on upward gaze (0-61, 0 or 'spontaneous'). */
  readonly ptosisSeconds: number | 'spontaneous';
  /** 0 normal; 1 complete, weak, some resistance; 2 complete, no resistance; 3 incomplete. */
  readonly facialMusclesGrade: Grade;
  /** 0 normal; 1 minimal coughing; 2 severe coughing, choking or nasal regurgitation; 3 cannot swallow (not tested). */
  readonly swallowingGrade: Grade;
  /** Count (1-49) at which dysarthria begins when counting aloud to 50, or 'none'. */
  readonly speechDysarthriaOnsetCount: number | 'none';
  readonly rightArmSeconds: number;
  readonly leftArmSeconds: number;
  readonly vitalCapacityPercentPredicted: number;
  readonly rightGrip: Quantity;
  readonly leftGrip: Quantity;
  readonly headLiftSeconds: number;
  readonly rightLegSeconds: number;
  readonly leftLegSeconds: number;
}

export const QMG_ITEMS = [
  'diplopia',
  'ptosis',
  'facialMuscles',
  'swallowing',
  'speech',
  'rightArm',
  'leftArm',
  'vitalCapacity',
  'rightGrip',
  'leftGrip',
  'headLift',
  'rightLeg',
  'leftLeg',
] as const;
export type QmgItem = (typeof QMG_ITEMS)[number];

export interface QmgComponents {
  readonly items: Readonly<Record<QmgItem, Grade>>;
}

const seconds = (max: number) => ({ min: 0, max, integer: true, scale: `timed test, 0-${max} s` });

function readGaze(value: unknown, field: string, errors: Errors): Grade | undefined {
  if (value === 'spontaneous') return 3;
  const s = readNumber(value, field, seconds(TEST_MAX_SECONDS.gaze), errors);
  return s === undefined ? undefined : gradeAtLeast(s, GAZE_SECONDS);
}

function readSpeech(value: unknown, errors: Errors): Grade | undefined {
  if (value === 'none') return 0;
  const count = readNumber(value, 'speechDysarthriaOnsetCount', { min: 1, max: 49, integer: true, scale: "count 1-49, or 'none' if no dysarthria by 50" }, errors);
  return count === undefined ? undefined : gradeSpeech(count);
}

export function qmg(input: QmgInput): Calculation<number, QmgInput, QmgComponents> {
  const errors: Errors = [];
  const i = (input ?? {}) as Partial<Record<keyof QmgInput, unknown>>;
  const sex = readChoice(i.sex, 'sex', ['male', 'female'] as const, errors);
  const timed = (value: unknown, field: string, max: number, bands: readonly [number, number, number]): Grade | undefined => {
    const s = readNumber(value, field, seconds(max), errors);
    return s === undefined ? undefined : gradeAtLeast(s, bands);
  };
  const grip = (value: unknown, side: 'right' | 'left'): Grade | undefined => {
    const field = `${side}Grip`;
    const kg = readQuantity('mass', value, field, errors, { min: 0 });
    return kg === undefined || sex === undefined ? undefined : gradeAtLeast(kg, GRIP_KG[side][sex]);
  };
  const observed = (value: unknown, field: string) => readNumber(value, field, { min: 0, max: 3, integer: true, scale: 'observer grade 0-3' }, errors) as Grade | undefined;
  const vc = readNumber(i.vitalCapacityPercentPredicted, 'vitalCapacityPercentPredicted', { min: 0 }, errors);

  const items: Record<QmgItem, Grade | undefined> = {
    diplopia: readGaze(i.diplopiaSeconds, 'diplopiaSeconds', errors),
    ptosis: readGaze(i.ptosisSeconds, 'ptosisSeconds', errors),
    facialMuscles: observed(i.facialMusclesGrade, 'facialMusclesGrade'),
    swallowing: observed(i.swallowingGrade, 'swallowingGrade'),
    speech: readSpeech(i.speechDysarthriaOnsetCount, errors),
    rightArm: timed(i.rightArmSeconds, 'rightArmSeconds', TEST_MAX_SECONDS.arm, ARM_SECONDS),
    leftArm: timed(i.leftArmSeconds, 'leftArmSeconds', TEST_MAX_SECONDS.arm, ARM_SECONDS),
    vitalCapacity: vc === undefined ? undefined : gradeAtLeast(vc, VITAL_CAPACITY_PERCENT),
    rightGrip: grip(i.rightGrip, 'right'),
    leftGrip: grip(i.leftGrip, 'left'),
    headLift: timed(i.headLiftSeconds, 'headLiftSeconds', TEST_MAX_SECONDS.head, HEAD_SECONDS),
    rightLeg: timed(i.rightLegSeconds, 'rightLegSeconds', TEST_MAX_SECONDS.leg, LEG_SECONDS),
    leftLeg: timed(i.leftLegSeconds, 'leftLegSeconds', TEST_MAX_SECONDS.leg, LEG_SECONDS),
  };
  if (errors.length > 0) return invalid(...errors);

  const graded = items as Record<QmgItem, Grade>;
  return calculated({
    calculator: 'qmg',
    algorithmVersion: '1.0.0',
    value: QMG_ITEMS.reduce((sum, item) => sum + graded[item], 0),
    components: { items: graded },
    inputs: input,
    source: QMG_SOURCE,
  });
}

/** Total 0-39. A ≥3-point fall is often called meaningful but was not verified (clinical-domain 3.12), so it is not encoded. */
export const compareQmg = scoreComparator({ calculator: 'qmg', source: QMG_SOURCE, range: { min: 0, max: 39, integer: true, scale: 'QMG 0-39' } });
