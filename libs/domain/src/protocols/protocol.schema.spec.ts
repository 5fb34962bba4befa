import { findProtocol, knownProtocols } from './protocol-registry.js';
import { loadProtocol, ProtocolValidationError } from './protocol.schema.js';
import { cbCd19BcmaV1 } from './seed/cb-cd19-bcma.js';

function validationError(raw: unknown): ProtocolValidationError {
  try {
    loadProtocol(raw);
  } catch (error) {
    if (error instanceof ProtocolValidationError) return error;
    throw error;
  }
  throw new Error('expected the protocol to be rejected');
}

describe('protocols as validated data', () => {
  it('loads both seed trials with their cohorts', () => {
    const cohorts = Object.fromEntries(knownProtocols().map((p) => [p.trialId, p.cohorts.map((c) => c.id)]));
    expect(cohorts).toEqual({
      'ucart-cd19-bcma': ['SLE', 'AIHA', 'MG', 'SSC', 'AAV', 'IIM', 'IGG4RD'],
      'cb-cd19-bcma': ['SLE_LN', 'SSC', 'PSS_PAH'],
    });
  });

  it('encodes the seed facts and the chosen defaults of the seed conflicts as explicit parameters', () => {
    const trial2 = findProtocol('cb-cd19-bcma')!;
    expect(trial2.targetEnrolment).toEqual({ min: 45, max: 54 }); // [seed]
    expect(trial2.ageYears).toEqual({ min: 3, max: 65 }); // conflict 1: inclusion list (3) over header (6)
    expect(trial2.dayNumbering).toBe('infusion-day-0'); // conflict 22
    expect(trial2.dlt.window).toMatchObject({ startDay: 0, endDay: 28, startInclusive: true, endInclusive: true }); // conflict 10
    expect(trial2.aeCollection.endDay).toBe(90);
    const conventional = trial2.washout.classes.find((c) => c.drugClass === 'ANTIMETABOLITES_CNI_MTOR_JAK');
    expect(conventional?.minimumDays).toBe(8); // conflict 6: seed "more than 1 week"
    const trial1 = findProtocol('ucart-cd19-bcma')!;
    expect(trial1.washout.classes.find((c) => c.drugClass === 'ANTIMETABOLITES_CNI_MTOR_JAK')?.minimumDays).toBe(14); // EBMT 2024
    expect(trial1.visits.map((v) => v.id)).toEqual(['D7', 'D10', 'D14', 'D21', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24']);
    expect(trial1.visits.at(-1)).toMatchObject({ nominalDay: 730, windowBeforeDays: 30, windowAfterDays: 30 });
    expect(trial1.cohorts.find((c) => c.id === 'IIM')!.eligibility.some((c) => c.id === 'transaminases')).toBe(false); // "myositis exempt"
  });

  it('rejects a malformed protocol naming each bad field', () => {
    const broken = { ...cbCd19BcmaV1, screening: { windowDays: 0, maxRescreens: 1 }, cohorts: [{ ...cbCd19BcmaV1.cohorts[0], id: 'sle' }], extra: true };
    const error = validationError(broken);
    expect(error.issues.map((i) => i.path).sort()).toEqual(['', 'cohorts.0.id', 'screening.windowDays']);
    expect(error.message).toContain('cb-cd19-bcma');
  });

  it('rejects inconsistent protocols: duplicate ids, inverted ranges', () => {
    const error = validationError({ ...cbCd19BcmaV1, ageYears: { min: 66, max: 65 }, visits: [...cbCd19BcmaV1.visits, cbCd19BcmaV1.visits[0]] });
    expect(error.issues).toEqual(expect.arrayContaining([{ path: 'ageYears', message: 'min is above max' }, { path: 'visits', message: 'duplicate visit id D7' }]));
  });
});
