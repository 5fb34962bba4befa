import { WithStartWorkflowOperation } from '@temporalio/client';
import { PARTICIPANT_JOURNEY_WORKFLOW_TYPE, participantWorkflowId, type JourneyWorkflowInput } from '@trialflow/contracts';

/**
 * Starts a participant's journey together with its first Update (registration or an import). A running journey
 * for the code receives the Update instead (and refuses a second registration); a completed one may never be
 * restarted under the same code; a failed one (a start whose first Update never arrived) may.
 */
export const journeyStartOperation = (taskQueue: string, input: JourneyWorkflowInput) =>
  new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
    workflowId: participantWorkflowId(input.participantCode),
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
  });
