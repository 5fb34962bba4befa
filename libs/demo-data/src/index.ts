export * from './demo-cast.js';
export * from './demo-journeys.js';
export { demoParticipantId, type DemoSpec } from './demo-story.js';
