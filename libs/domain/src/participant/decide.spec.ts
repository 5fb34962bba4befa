import { SYSTEM_ACTOR, type Actor } from '../shared/actor.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { RegisterParticipant } from './commands.js';
import { decide } from './decide.js';
import type { ParticipantEvent, ParticipantRegisteredV1 } from './events.js';
import { plan } from './plan.js';
import { evolve, fold, initialState } from './state.js';

const coordinator: Actor = { id: 'c-1', role: 'coordinator', siteId: 'DEMO-01' };
const now = new Date('2026-03-02T09:30:00.000Z');
const spec = deciderSpecification({ decide, evolve, initialState });

const register = (overrides: Partial<RegisterParticipant['data']> = {}): RegisterParticipant => ({
  type: 'RegisterParticipant',
  commandId: 'cmd-1',
  actor: coordinator,
  data: { participantId: 'p-1', participantCode: 'UC-001', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', ...overrides },
});

const registered: ParticipantRegisteredV1 = {
  type: 'ParticipantRegistered',
  schemaVersion: 1,
  occurredAt: '2026-03-02T09:30:00.000Z',
  data: { participantId: 'p-1', participantCode: 'UC-001', trialId: 'ucart-cd19-bcma', protocolVersion: '1.0', cohortId: 'SLE', siteId: 'DEMO-01' },
};

describe('participant journey decider: registration', () => {
  it('registers a new participant under the current protocol version, at the decision instant', () => {
    spec.given().when(register(), now).then([registered]);
  });

  it('refuses a second registration', () => {
    spec.given(registered).when(register({ cohortId: 'MG' }), now).thenRejects({ code: 'PARTICIPANT_ALREADY_REGISTERED', field: 'participantCode' });
  });

  it.each([
    [{ trialId: 'nope' }, 'TRIAL_NOT_FOUND', 'trialId'],
    [{ cohortId: 'LN' }, 'COHORT_NOT_IN_TRIAL', 'cohortId'],
    [{ siteId: 'CN-BJ-GB' }, 'SITE_NOT_IN_TRIAL', 'siteId'],
  ])('refuses %o with %s naming %s', (overrides, code, field) => {
    spec.given().when(register(overrides), now).thenRejects({ code, field });
  });
});

describe('participant journey: screening-window deadline', () => {
  it('plans the window close 28 days after screening opens (trial 1 default)', () => {
    expect(plan(fold([registered]))).toEqual([{ id: 'screening-window', kind: 'SCREENING_WINDOW_CLOSES', dueAt: '2026-03-30T09:30:00.000Z' }]);
  });

  it('records the window as elapsed at the planned instant when the deadline is reached', () => {
    spec
      .given(registered)
      .when({ type: 'ReachDeadline', commandId: 'd-1', actor: SYSTEM_ACTOR, data: { deadlineId: 'screening-window', dueAt: '2026-03-30T09:30:00.000Z' } }, new Date('2026-03-30T09:30:00.002Z'))
      .then([{ type: 'ScreeningWindowElapsed', schemaVersion: 1, occurredAt: '2026-03-30T09:30:00.000Z', data: { windowDays: 28, openedAt: '2026-03-02T09:30:00.000Z' } }]);
  });

  it('ignores a stale deadline (a timer armed for a date the plan no longer has)', () => {
    spec
      .given(registered)
      .when({ type: 'ReachDeadline', commandId: 'd-1', actor: SYSTEM_ACTOR, data: { deadlineId: 'screening-window', dueAt: '2026-03-29T09:30:00.000Z' } }, now)
      .thenRejects({ code: 'DEADLINE_NOT_PENDING' });
  });

  it('has nothing left to plan once the window has elapsed', () => {
    const elapsed: ParticipantEvent = { type: 'ScreeningWindowElapsed', schemaVersion: 1, occurredAt: '2026-03-30T09:30:00.000Z', data: { windowDays: 28, openedAt: registered.occurredAt } };
    const state = fold([registered, elapsed]);
    expect(state).toMatchObject({ version: 2, screeningWindowElapsed: true, phase: 'SCREENING' });
    expect(plan(state)).toEqual([]);
  });

  it('plans nothing before registration', () => {
    expect(plan(initialState)).toEqual([]);
  });
});
