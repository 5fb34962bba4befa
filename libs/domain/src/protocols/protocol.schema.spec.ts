import { knownProtocols } from './protocol-registry.js';
import { cbCd19BcmaV1 } from './cb-cd19-bcma.js';
import { loadProtocol, ProtocolValidationError } from './protocol.schema.js';

describe('protocols as validated data', () => {
  it('loads both seed trials with their cohorts', () => {
    const cohorts = Object.fromEntries(knownProtocols().map((p) => [p.trialId, p.cohorts.map((c) => c.id)]));
    expect(cohorts).toEqual({
      'ucart-cd19-bcma': ['SLE', 'AIHA', 'MG', 'SSC', 'AAV', 'IIM', 'IGG4RD'],
      'cb-cd19-bcma': ['SLE_LN', 'SSC', 'PSS_PAH'],
    });
  });

  it('rejects a malformed protocol naming each bad field', () => {
    const broken = { ...cbCd19BcmaV1, screening: { windowDays: 0 }, cohorts: [{ id: 'sle', disease: 'SLE', label: 'x' }], extra: true };
    let error: unknown;
    try {
      loadProtocol(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProtocolValidationError);
    const paths = (error as ProtocolValidationError).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['', 'cohorts.0.id', 'screening.windowDays']);
    expect((error as Error).message).toContain('cb-cd19-bcma');
  });
});
