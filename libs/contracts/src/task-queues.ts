/** Task queue of the participant journey workflows and their activities. Overridable per deployment. */
export const DEFAULT_JOURNEY_TASK_QUEUE = 'participant-journey';

export const PARTICIPANT_JOURNEY_WORKFLOW_TYPE = 'participantJourney';

/**
 * Workflow id from the pseudonymous participant code only: no name, initials or birth date may reach
 * Temporal ids, which are stored unencrypted and shown in its UI.
 */
export const participantWorkflowId = (participantCode: string): string => `participant-${participantCode}`;

/** Pseudonymous participant code: letters, digits and dashes, as printed on the participant's study labels. */
export const PARTICIPANT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
