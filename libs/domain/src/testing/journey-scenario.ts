import { findProtocol } from '../protocols/protocol-registry.js';
import type { Cohort, Protocol } from '../protocols/protocol.schema.js';
import type { Actor } from '../shared/actor.js';
import type { IsoInstant } from '../shared/time.js';
import { JourneySimulation } from '../participant/simulation/journey-simulation.js';

export { ldCalculationInputs } from '../participant/simulation/journey-simulation.js';

/** The people of the tests' journeys. For tests only (excluded from the build). */
export const coordinator: Actor = { id: 'coord-1', role: 'coordinator', siteId: 'DEMO-01' };
export const investigatorActor: Actor = { id: 'inv-1', name: 'Dr Ines Vogel', role: 'investigator', siteId: 'DEMO-01' };

/** A simulated journey with the tests' defaults: participant p-1 / TF-0001 at the protocol's first site. */
export class JourneyScenario extends JourneySimulation {
  constructor(protocol: Protocol, cohort: Cohort, start: IsoInstant) {
    super(protocol, cohort, start, { coordinator, investigator: investigatorActor, participantId: 'p-1', participantCode: 'TF-0001', commandIdPrefix: 'cmd' });
  }

  static for(trialId: string, cohortId: string, start: IsoInstant = '2026-03-02T01:00:00.000Z'): JourneyScenario {
    const protocol = findProtocol(trialId);
    const cohort = protocol?.cohorts.find((c) => c.id === cohortId);
    if (!protocol || !cohort) throw new Error(`no ${trialId}/${cohortId}`);
    return new JourneyScenario(protocol, cohort, start);
  }
}
