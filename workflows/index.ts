// Bundle entry of the worker: every workflow type registered on the journey task queue.
export { participantJourney } from './participant-journey.workflow.js';
