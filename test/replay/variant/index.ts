// A deliberately non-deterministic change of the journey workflow: one extra timer before the original code.
// Deployed over open journeys, it would break their replay; the replay test must detect it.
import { sleep } from '@temporalio/workflow';
import type { JourneyWorkflowInput } from '@trialflow/contracts';
import { participantJourney as original } from '../../../workflows/participant-journey.workflow.js';

export async function participantJourney(input: JourneyWorkflowInput): Promise<void> {
  await sleep(1);
  return original(input);
}
