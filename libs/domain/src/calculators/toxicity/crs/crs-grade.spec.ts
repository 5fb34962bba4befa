import { crsGrade, type CrsAssessmentInputs, type CrsGrade } from './crs-grade.js';
import { hypotensionFromVasopressors, type HypotensionSupport } from './support-levels.js';

const celsius = (value: number) => ({ value, unit: '°C' });
const roomAir = { device: 'none' } as const;
const cannula = (litres: number) => ({ device: 'nasal-cannula', flow: { value: litres, unit: 'L/min' } }) as const;
const febrile = (rest: Partial<CrsAssessmentInputs>): CrsAssessmentInputs => ({ temperature: celsius(38.5), hypotension: 'none', oxygen: roomAir, ...rest });

// Lee DW et al. 2019 ASTCT CRS consensus [src: clinical-domain 2.2, re-checked there]; grade 5 = death due to CRS [lit].
describe('ASTCT CRS grade (Lee 2019)', () => {
  it.each<[string, CrsAssessmentInputs, CrsGrade, string]>([
    ['afebrile 37.5 °C, no hypotension, room air', { temperature: celsius(37.5), hypotension: 'none', oxygen: roomAir }, 0, 'none'],
    ['37.9 °C is not fever', { temperature: celsius(37.9), hypotension: 'none', oxygen: roomAir }, 0, 'none'],
    ['38.0 °C exactly is fever: grade 1', { temperature: celsius(38.0), hypotension: 'none', oxygen: roomAir }, 1, 'fever'],
    ['fever + hypotension not requiring vasopressors: grade 2', febrile({ hypotension: 'not-requiring-vasopressors' }), 2, 'hypotension'],
    ['fever + nasal cannula 6 L/min (low-flow boundary): grade 2', febrile({ oxygen: cannula(6) }), 2, 'hypoxia'],
    ['fever + blow-by oxygen: grade 2', febrile({ oxygen: { device: 'blow-by' } }), 2, 'hypoxia'],
    ['fever + nasal cannula 6.5 L/min (high-flow): grade 3', febrile({ oxygen: cannula(6.5) }), 3, 'hypoxia'],
    ['fever + facemask: grade 3', febrile({ oxygen: { device: 'facemask' } }), 3, 'hypoxia'],
    ['fever + non-rebreather: grade 3', febrile({ oxygen: { device: 'non-rebreather' } }), 3, 'hypoxia'],
    ['fever + Venturi mask: grade 3', febrile({ oxygen: { device: 'venturi' } }), 3, 'hypoxia'],
    ['fever + one vasopressor + low-flow O2: grade 3 (reference example)', febrile({ hypotension: 'one-vasopressor', oxygen: cannula(2) }), 3, 'hypotension'],
    ['fever + hypotension without vasopressors + high-flow O2: grade 3 (worse of the two)', febrile({ hypotension: 'not-requiring-vasopressors', oxygen: cannula(10) }), 3, 'hypoxia'],
    ['fever + one vasopressor + facemask: grade 3 from both', febrile({ hypotension: 'one-vasopressor', oxygen: { device: 'facemask' } }), 3, 'hypotension-and-hypoxia'],
    ['fever + multiple vasopressors: grade 4', febrile({ hypotension: 'multiple-vasopressors' }), 4, 'hypotension'],
    ['fever + CPAP: grade 4', febrile({ oxygen: { device: 'cpap' } }), 4, 'hypoxia'],
    ['fever + BiPAP: grade 4', febrile({ oxygen: { device: 'bipap' } }), 4, 'hypoxia'],
    ['fever + one vasopressor + intubation: grade 4', febrile({ hypotension: 'one-vasopressor', oxygen: { device: 'mechanical-ventilation' } }), 4, 'hypoxia'],
    ['fever masked by tocilizumab (37.0 °C) + one vasopressor: grade 3', { temperature: celsius(37), feverMaskedByTreatment: true, hypotension: 'one-vasopressor', oxygen: roomAir }, 3, 'hypotension'],
    ['fever masked, temperature not recorded, low-flow O2: grade 2', { feverMaskedByTreatment: true, hypotension: 'none', oxygen: cannula(3) }, 2, 'hypoxia'],
    ['no fever and no masking: vasopressor need is not CRS, grade 0', { temperature: celsius(37), hypotension: 'one-vasopressor', oxygen: roomAir }, 0, 'none'],
    ['fever attributable to another cause (infection): grade 0', febrile({ temperature: celsius(39), feverAttributableToOtherCause: true }), 0, 'none'],
    // [?] not defined by Lee 2019: masked fever without hypotension or hypoxia cannot meet grade 1 (fever alone)
    ['fever masked, no hypotension, no hypoxia: grade 0 [? not defined by Lee 2019]', { temperature: celsius(37), feverMaskedByTreatment: true, hypotension: 'none', oxygen: roomAir }, 0, 'none'],
    ['death due to CRS: grade 5 [lit]', febrile({ hypotension: 'multiple-vasopressors', deathDueToCrs: true }), 5, 'death'],
  ])('%s', (_title, inputs, expected, drivenBy) => {
    const outcome = crsGrade(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.drivenBy).toBe(drivenBy);
    expect(outcome.result.calculator).toBe('crs.astct');
    expect(outcome.result.source).toMatch(/Lee DW/);
  });

  it.each<[string, boolean, string[], HypotensionSupport]>([
    ['no hypotension, no drugs', false, [], 'none'],
    ['hypotension treated with fluids only', true, [], 'not-requiring-vasopressors'],
    ['norepinephrine', true, ['norepinephrine'], 'one-vasopressor'],
    ['vasopressin alone is one vasopressor', true, ['Vasopressin'], 'one-vasopressor'],
    ['norepinephrine + vasopressin is still one (vasopressin excluded from "multiple")', true, ['norepinephrine', 'vasopressin'], 'one-vasopressor'],
    ['norepinephrine + phenylephrine is multiple', true, ['norepinephrine', 'phenylephrine'], 'multiple-vasopressors'],
    ['the same drug twice is one', true, ['Norepinephrine', 'norepinephrine '], 'one-vasopressor'],
  ])('vasopressor support: %s', (_title, present, drugs, expected) => {
    expect(hypotensionFromVasopressors(present, drugs)).toBe(expected);
  });

  it.each([
    ['no temperature while fever is not masked', { hypotension: 'none', oxygen: roomAir }, [['MISSING_MEASURE', 'temperature']]],
    ['temperature in Fahrenheit', { temperature: { value: 101, unit: '°F' }, hypotension: 'none', oxygen: roomAir }, [['WRONG_UNIT', 'temperature.unit']]],
    ['temperature 50 °C', { temperature: celsius(50), hypotension: 'none', oxygen: roomAir }, [['OUT_OF_RANGE', 'temperature.value']]],
    ['nasal cannula without flow', febrile({ oxygen: { device: 'nasal-cannula' } }), [['MISSING_MEASURE', 'oxygen.flow']]],
    ['flow in mL/min', febrile({ oxygen: { device: 'nasal-cannula', flow: { value: 2000, unit: 'mL/min' } } }), [['WRONG_UNIT', 'oxygen.flow.unit']]],
    ['an unknown oxygen device', febrile({ oxygen: { device: 'ecmo' } as never }), [['INVALID_VALUE', 'oxygen.device']]],
    ['no oxygen entry', { temperature: celsius(38.5), hypotension: 'none' }, [['MISSING_MEASURE', 'oxygen']]],
    [
      'unknown hypotension category and masking flag not boolean',
      { temperature: celsius(38.5), hypotension: 'severe', oxygen: roomAir, feverMaskedByTreatment: 'yes' },
      [['INVALID_VALUE', 'feverMaskedByTreatment'], ['INVALID_VALUE', 'hypotension']],
    ],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = crsGrade(inputs as unknown as CrsAssessmentInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
