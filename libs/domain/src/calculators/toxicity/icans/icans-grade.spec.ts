import { icansGrade, type IcansAssessmentInputs, type IcansGrade } from './icans-grade.js';

const adult = (rest: Partial<IcansAssessmentInputs> = {}): IcansAssessmentInputs => ({
  ageYears: 45,
  encephalopathy: { instrument: 'ice', score: 10 },
  consciousness: 'alert',
  seizure: 'none',
  motor: 'none',
  cerebralOedema: 'none',
  ...rest,
});
const child = (rest: Partial<IcansAssessmentInputs> = {}): IcansAssessmentInputs => adult({ ageYears: 8, encephalopathy: { instrument: 'capd', score: 0 }, ...rest });
const ice = (score: number) => ({ encephalopathy: { instrument: 'ice', score } }) as const;
const capd = (score: number) => ({ encephalopathy: { instrument: 'capd', score } }) as const;

// ASTCT ICANS (Lee 2019) [src: clinical-domain 2.4, adult and paediatric rows re-checked there]; grade 5 = death [lit].
describe('ASTCT ICANS grade', () => {
  it.each<[string, IcansAssessmentInputs, IcansGrade]>([
    ['ICE 10, alert: grade 0', adult(), 0],
    ['ICE 9: grade 1', adult(ice(9)), 1],
    ['ICE 7: grade 1', adult(ice(7)), 1],
    ['ICE 6: grade 2', adult(ice(6)), 2],
    ['ICE 3: grade 2', adult(ice(3)), 2],
    ['ICE 2: grade 3', adult(ice(2)), 3],
    ['ICE 0, awake with global aphasia: grade 3', adult({ ...ice(0), consciousness: 'alert' }), 3],
    ['ICE 0, unarousable: grade 4', adult({ ...ice(0), consciousness: 'unarousable' }), 4],
    ['ICE not performable, unarousable: grade 4', adult({ encephalopathy: { instrument: 'ice', unableToPerform: true }, consciousness: 'unarousable' }), 4],
    ['ICE 10 but wakes spontaneously only: grade 1', adult({ consciousness: 'awakens-spontaneously' }), 1],
    ['ICE 9, wakes to voice: grade 2 (worst domain)', adult({ ...ice(9), consciousness: 'awakens-to-voice' }), 2],
    ['ICE 8, wakes only to touch: grade 3', adult({ ...ice(8), consciousness: 'awakens-to-tactile-stimulus' }), 3],
    ['ICE 9 with a rapidly resolving seizure: grade 3', adult({ ...ice(9), seizure: 'rapidly-resolving' }), 3],
    ['prolonged (>5 min) seizure: grade 4', adult({ seizure: 'prolonged-or-repetitive' }), 4],
    ['hemiparesis: grade 4', adult({ motor: 'deep-focal-weakness' }), 4],
    ['focal oedema on imaging: grade 3', adult({ cerebralOedema: 'focal-local' }), 3],
    ['diffuse oedema / papilloedema: grade 4', adult({ cerebralOedema: 'diffuse-or-signs' }), 4],
    ['death due to ICANS: grade 5 [lit]', adult({ ...ice(0), consciousness: 'unarousable', deathDueToIcans: true }), 5],
    ['child 8 y, CAPD 0, alert: grade 0', child(), 0],
    ['child, CAPD 5, wakes spontaneously: grade 1', child({ ...capd(5), consciousness: 'awakens-spontaneously' }), 1],
    ['child, CAPD 5, wakes to voice: grade 2', child({ ...capd(5), consciousness: 'awakens-to-voice' }), 2],
    ['child, CAPD 8: grade 1', child(capd(8)), 1],
    ['child, CAPD 9: grade 3', child(capd(9)), 3],
    ['child, unable to perform CAPD: grade 4', child({ encephalopathy: { instrument: 'capd', unableToPerform: true } }), 4],
    ['child exactly 12 y uses CAPD', child({ ageYears: 12, ...capd(9) }), 3],
    ['13 y with developmental delay may use CAPD', child({ ageYears: 13, developmentalDelay: true, ...capd(4) }), 1],
    ['child with focal seizure: grade 3 regardless of CAPD', child({ seizure: 'rapidly-resolving' }), 3],
  ])('%s', (_title, inputs, expected) => {
    const outcome = icansGrade(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.calculator).toBe('icans.astct');
  });

  it('names the domains that set the grade', () => {
    const outcome = icansGrade(adult({ ...ice(2), cerebralOedema: 'focal-local' }));
    expect(outcome.ok && outcome.result.components).toEqual({
      instrument: 'ice',
      domainGrades: { encephalopathy: 3, consciousness: 0, seizure: 0, motor: 0, cerebralOedema: 3 },
      drivenBy: ['encephalopathy', 'cerebralOedema'],
    });
  });

  it.each([
    ['ICE for an 8-year-old', child(ice(10)), [['NOT_APPLICABLE', 'encephalopathy.instrument']]],
    ['CAPD for an adult without developmental delay', adult(capd(3)), [['NOT_APPLICABLE', 'encephalopathy.instrument']]],
    ['ICE 11', adult(ice(11)), [['OUT_OF_RANGE', 'encephalopathy.score']]],
    ['CAPD 33', child(capd(33)), [['OUT_OF_RANGE', 'encephalopathy.score']]],
    ['ICE not performed in an arousable patient', adult({ encephalopathy: { instrument: 'ice', unableToPerform: true }, consciousness: 'awakens-to-voice' }), [['INVALID_VALUE', 'encephalopathy.unableToPerform']]],
    ['a score and unable-to-perform together', adult({ encephalopathy: { instrument: 'ice', score: 0, unableToPerform: true }, consciousness: 'unarousable' }), [['INVALID_VALUE', 'encephalopathy.score']]],
    ['no ICE score', adult({ encephalopathy: { instrument: 'ice' } }), [['MISSING_MEASURE', 'encephalopathy.score']]],
    ['no encephalopathy assessment', adult({ encephalopathy: undefined as never }), [['MISSING_MEASURE', 'encephalopathy']]],
    [
      'unknown consciousness, seizure and oedema codes',
      adult({ consciousness: 'drowsy' as never, seizure: 'focal' as never, cerebralOedema: 'yes' as never }),
      [['INVALID_VALUE', 'consciousness'], ['INVALID_VALUE', 'seizure'], ['INVALID_VALUE', 'cerebralOedema']],
    ],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = icansGrade(inputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
