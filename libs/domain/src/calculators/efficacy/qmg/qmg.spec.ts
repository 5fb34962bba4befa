import { qmg, compareQmg, type QmgInput } from './qmg.js';

const normal: QmgInput = {
  sex: 'male',
  diplopiaSeconds: 61,
  ptosisSeconds: 61,
  facialMusclesGrade: 0,
  swallowingGrade: 0,
  speechDysarthriaOnsetCount: 'none',
  rightArmSeconds: 240,
  leftArmSeconds: 240,
  vitalCapacityPercentPredicted: 95,
  rightGrip: { value: 50, unit: 'kg' },
  leftGrip: { value: 40, unit: 'kg' },
  headLiftSeconds: 120,
  rightLegSeconds: 100,
  leftLegSeconds: 100,
};

const worst: QmgInput = {
  sex: 'female',
  diplopiaSeconds: 'spontaneous',
  ptosisSeconds: 'spontaneous',
  facialMusclesGrade: 3,
  swallowingGrade: 3,
  speechDysarthriaOnsetCount: 5,
  rightArmSeconds: 0,
  leftArmSeconds: 9,
  vitalCapacityPercentPredicted: 40,
  rightGrip: { value: 4, unit: 'kg' },
  leftGrip: { value: 0, unit: 'kg' },
  headLiftSeconds: 0,
  rightLegSeconds: 0,
  leftLegSeconds: 0,
};

// Hand-graded against the bands of clinical-domain 3.12:
// diplopia 30 s → 1, ptosis 10 s → 2, facial 1, swallowing 0, dysarthria at 35 → 1, right arm 120 s → 1,
// left arm 89 s → 2, VC 70% → 1, right grip 25 kg (♀ 10-29 → 1; ♂ 15-44 → 1), left grip 25 kg (♀ ≥25 → 0;
// ♂ 15-34 → 1), head 30 s → 1, right leg 31 s → 1, left leg 30 s → 2.
const mixed = (sex: 'male' | 'female'): QmgInput => ({
  sex,
  diplopiaSeconds: 30,
  ptosisSeconds: 10,
  facialMusclesGrade: 1,
  swallowingGrade: 0,
  speechDysarthriaOnsetCount: 35,
  rightArmSeconds: 120,
  leftArmSeconds: 89,
  vitalCapacityPercentPredicted: 70,
  rightGrip: { value: 25, unit: 'kg' },
  leftGrip: { value: 25, unit: 'kg' },
  headLiftSeconds: 30,
  rightLegSeconds: 31,
  leftLegSeconds: 30,
});

describe('QMG (Barohn 1998; bands from clinical-domain 3.12 [src, secondary reproductions])', () => {
  it.each([
    ['normal on every item → 0', normal, 0],
    ['worst grade on every item → 39', worst, 39],
    ['mixed woman → 14', mixed('female'), 14],
    ['same measurements in a man → 15 (left grip 25 kg is grade 1 for men, 0 for women)', mixed('male'), 15],
  ])('%s', (_title, input, total) => {
    const result = qmg(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(total);
  });

  type Case = [string, string, number, Partial<QmgInput>];
  const kg = (value: number) => ({ value, unit: 'kg' });
  it.each<Case>([
    ['diplopia 61 s', 'diplopia', 0, { diplopiaSeconds: 61 }],
    ['diplopia 60 s', 'diplopia', 1, { diplopiaSeconds: 60 }],
    ['diplopia 11 s', 'diplopia', 1, { diplopiaSeconds: 11 }],
    ['diplopia 10 s', 'diplopia', 2, { diplopiaSeconds: 10 }],
    ['diplopia 1 s', 'diplopia', 2, { diplopiaSeconds: 1 }],
    ['diplopia 0 s (spontaneous)', 'diplopia', 3, { diplopiaSeconds: 0 }],
    ['ptosis spontaneous', 'ptosis', 3, { ptosisSeconds: 'spontaneous' }],
    ['ptosis 11 s', 'ptosis', 1, { ptosisSeconds: 11 }],
    ['dysarthria none by 50', 'speech', 0, { speechDysarthriaOnsetCount: 'none' }],
    ['dysarthria at 49', 'speech', 1, { speechDysarthriaOnsetCount: 49 }],
    ['dysarthria at 30', 'speech', 1, { speechDysarthriaOnsetCount: 30 }],
    ['dysarthria at 29', 'speech', 2, { speechDysarthriaOnsetCount: 29 }],
    ['dysarthria at 10', 'speech', 2, { speechDysarthriaOnsetCount: 10 }],
    ['dysarthria at 9', 'speech', 3, { speechDysarthriaOnsetCount: 9 }],
    ['right arm 240 s', 'rightArm', 0, { rightArmSeconds: 240 }],
    ['right arm 239 s', 'rightArm', 1, { rightArmSeconds: 239 }],
    ['left arm 90 s', 'leftArm', 1, { leftArmSeconds: 90 }],
    ['left arm 89 s', 'leftArm', 2, { leftArmSeconds: 89 }],
    ['left arm 10 s', 'leftArm', 2, { leftArmSeconds: 10 }],
    ['left arm 9 s', 'leftArm', 3, { leftArmSeconds: 9 }],
    ['VC 80%', 'vitalCapacity', 0, { vitalCapacityPercentPredicted: 80 }],
    ['VC 79.9%', 'vitalCapacity', 1, { vitalCapacityPercentPredicted: 79.9 }],
    ['VC 65%', 'vitalCapacity', 1, { vitalCapacityPercentPredicted: 65 }],
    ['VC 64%', 'vitalCapacity', 2, { vitalCapacityPercentPredicted: 64 }],
    ['VC 50%', 'vitalCapacity', 2, { vitalCapacityPercentPredicted: 50 }],
    ['VC 49.9%', 'vitalCapacity', 3, { vitalCapacityPercentPredicted: 49.9 }],
    ['man right grip 45 kg', 'rightGrip', 0, { rightGrip: kg(45) }],
    ['man right grip 44.9 kg', 'rightGrip', 1, { rightGrip: kg(44.9) }],
    ['man right grip 15 kg', 'rightGrip', 1, { rightGrip: kg(15) }],
    ['man right grip 14 kg', 'rightGrip', 2, { rightGrip: kg(14) }],
    ['man right grip 5 kg', 'rightGrip', 2, { rightGrip: kg(5) }],
    ['man right grip 4.9 kg', 'rightGrip', 3, { rightGrip: kg(4.9) }],
    ['man right grip 100 lb (45.4 kg)', 'rightGrip', 0, { rightGrip: { value: 100, unit: 'lb' } }],
    ['man left grip 35 kg', 'leftGrip', 0, { leftGrip: kg(35) }],
    ['man left grip 34 kg', 'leftGrip', 1, { leftGrip: kg(34) }],
    ['woman right grip 30 kg', 'rightGrip', 0, { sex: 'female', rightGrip: kg(30) }],
    ['woman right grip 29 kg', 'rightGrip', 1, { sex: 'female', rightGrip: kg(29) }],
    ['woman right grip 10 kg', 'rightGrip', 1, { sex: 'female', rightGrip: kg(10) }],
    ['woman right grip 9 kg', 'rightGrip', 2, { sex: 'female', rightGrip: kg(9) }],
    ['woman right grip 4 kg', 'rightGrip', 3, { sex: 'female', rightGrip: kg(4) }],
    ['woman left grip 25 kg', 'leftGrip', 0, { sex: 'female', leftGrip: kg(25) }],
    ['woman left grip 24 kg', 'leftGrip', 1, { sex: 'female', leftGrip: kg(24) }],
    ['head 120 s', 'headLift', 0, { headLiftSeconds: 120 }],
    ['head 119 s', 'headLift', 1, { headLiftSeconds: 119 }],
    ['head 30 s', 'headLift', 1, { headLiftSeconds: 30 }],
    ['head 29 s', 'headLift', 2, { headLiftSeconds: 29 }],
    ['head 1 s', 'headLift', 2, { headLiftSeconds: 1 }],
    ['head 0 s', 'headLift', 3, { headLiftSeconds: 0 }],
    ['right leg 100 s', 'rightLeg', 0, { rightLegSeconds: 100 }],
    ['right leg 99 s', 'rightLeg', 1, { rightLegSeconds: 99 }],
    ['right leg 31 s (31-99 kept, clinical-domain 3.12)', 'rightLeg', 1, { rightLegSeconds: 31 }],
    ['left leg 30 s', 'leftLeg', 2, { leftLegSeconds: 30 }],
    ['left leg 1 s', 'leftLeg', 2, { leftLegSeconds: 1 }],
    ['left leg 0 s', 'leftLeg', 3, { leftLegSeconds: 0 }],
    ['facial muscles grade 3 (upper bound)', 'facialMuscles', 3, { facialMusclesGrade: 3 }],
    ['swallowing grade 2', 'swallowing', 2, { swallowingGrade: 2 }],
  ])('%s → %s grade %i', (_title, item, grade, change) => {
    const result = qmg({ ...normal, ...change } as QmgInput);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect((result.result.components.items as Record<string, number>)[item]).toBe(grade);
  });

  it.each([
    ['facial grade 4', { facialMusclesGrade: 4 }, [['OUT_OF_RANGE', 'facialMusclesGrade']]],
    ['swallowing grade -1', { swallowingGrade: -1 }, [['OUT_OF_RANGE', 'swallowingGrade']]],
    ['diplopia 62 s (the test stops at 61)', { diplopiaSeconds: 62 }, [['OUT_OF_RANGE', 'diplopiaSeconds']]],
    ['arm 241 s (the test stops at 240)', { rightArmSeconds: 241 }, [['OUT_OF_RANGE', 'rightArmSeconds']]],
    ['leg 101 s (the test stops at 100)', { leftLegSeconds: 101 }, [['OUT_OF_RANGE', 'leftLegSeconds']]],
    ['fractional seconds', { headLiftSeconds: 10.5 }, [['INVALID_VALUE', 'headLiftSeconds']]],
    ['dysarthria at 50 (use none)', { speechDysarthriaOnsetCount: 50 }, [['OUT_OF_RANGE', 'speechDysarthriaOnsetCount']]],
    ['dysarthria at 0', { speechDysarthriaOnsetCount: 0 }, [['OUT_OF_RANGE', 'speechDysarthriaOnsetCount']]],
    ['grip in newtons', { rightGrip: { value: 300, unit: 'N' } }, [['WRONG_UNIT', 'rightGrip.unit']]],
    ['a missing grip', { leftGrip: undefined }, [['MISSING_MEASURE', 'leftGrip']]],
    ['negative vital capacity', { vitalCapacityPercentPredicted: -5 }, [['OUT_OF_RANGE', 'vitalCapacityPercentPredicted']]],
    ['an unknown sex', { sex: 'x' }, [['INVALID_VALUE', 'sex']]],
    ['several bad measurements', { diplopiaSeconds: 'never', rightArmSeconds: -1, swallowingGrade: 5 }, [['INVALID_VALUE', 'diplopiaSeconds'], ['OUT_OF_RANGE', 'swallowingGrade'], ['OUT_OF_RANGE', 'rightArmSeconds']]],
  ])('rejects %s', (_title, change, expected) => {
    const result = qmg({ ...normal, ...change } as unknown as QmgInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it('compares totals', () => {
    const result = compareQmg(18, 12);
    if (!result.ok) throw new Error('expected a comparison');
    expect(result.result.value.absoluteChange).toBe(-6);
    expect(result.result.value.percentChange).toBeCloseTo(-100 / 3, 10);
  });
});
