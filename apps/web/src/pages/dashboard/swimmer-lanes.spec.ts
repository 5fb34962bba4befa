import { describe, expect, it } from '@jest/globals';
import type { JourneyState, Participant } from '../../api/types.js';
import { enrolled, protocol } from '../participant/fixtures.js';
import { enrolmentByCohort, laneOf } from './swimmer-lanes.js';

const participant = (overrides: Partial<Participant>): Participant =>
  ({
    participantId: 'p1',
    participantCode: 'P-1',
    trialId: 't',
    protocolVersion: '1',
    cohortId: 'C1',
    siteId: 'S',
    phase: 'SCREENING',
    endReason: null,
    registeredAt: '2026-11-01T02:00:00Z',
    infusionDate: null,
    ...overrides,
  }) as Participant;

const infused: JourneyState = {
  ...enrolled,
  phase: 'DLT_WINDOW',
  infusion: { entryId: 'i', startedAt: '2026-11-22T01:00:00Z', completedAt: '2026-11-22T01:30:00Z', infusionDate: '2026-11-22', percentOfTarget: 100 },
  adverseEvents: [{ aeId: 'a', entryId: 'a', term: 'Fever', grade: 3, serious: false, causality: 'POSSIBLE', onsetOn: '2026-11-24', awareAt: '2026-11-24T02:00:00Z' }],
  visits: [{ entryId: 'v', type: 'VisitCompleted', value: { visitId: 'D7', actualDate: '2026-11-30', inWindow: true } }],
  toxicityAssessments: [{ entryId: 't', type: 'CrsAssessed', value: { kind: 'CRS', grade: 2, assessedAt: '2026-11-23T20:00:00Z' } }],
};

const score = (instrument: string, value: number, change: number, outcome: 'RESPONSE' | 'NO_RESPONSE' | 'NOT_EVALUABLE', assessedOn = '2026-11-30') => ({
  entryId: `e-${instrument}`,
  type: 'EfficacyAssessed',
  value: {
    visitId: 'D7', instrument, assessedOn, value, unit: 'score',
    baseline: { entryId: 'b', value: value - change, observedOn: '2026-11-01' },
    change: { absolute: change, percent: null, algorithm: 'x@1' },
    response: { outcome, definition: `${instrument} rule` },
  },
});

describe('the swimmer lanes', () => {
  it('places an infused participant on study days from the infusion (site calendar, UTC+8)', () => {
    const lane = laneOf(participant({ phase: 'DLT_WINDOW', infusionDate: '2026-11-22' }), infused, protocol, '2026-12-02', 480);
    expect(lane).toMatchObject({ infused: true, from: -21, to: 10, dltWindow: { from: 0, to: 28 }, end: undefined });
    expect(lane.adverseEvents).toEqual([{ day: 2, grade: 3, term: 'Fever', serious: false }]);
    // 20:00 UTC on the 23rd is the 24th at the site: day 2.
    expect(lane.toxicity).toEqual([{ day: 2, kind: 'CRS', grade: 2 }]);
    expect(lane.visitsDone).toEqual([{ day: 8, label: 'Week 1', inWindow: true }]);
  });

  it('marks the efficacy scores that met their response definition on the day assessed, and no others', () => {
    const scored: JourneyState = {
      ...infused,
      efficacyAssessments: [score('MG-ADL', 3, -3, 'RESPONSE', '2026-11-29'), score('QMG', 12, -1, 'NO_RESPONSE'), score('IGG4-RD-RI', 0, 0, 'NOT_EVALUABLE')],
    };
    const lane = laneOf(participant({ phase: 'DLT_WINDOW', infusionDate: '2026-11-22' }), scored, protocol, '2026-12-02', 480);
    expect(lane.responses).toEqual([{ day: 7, instrument: 'MG-ADL', visitId: 'D7', value: 3, change: -3, definition: 'MG-ADL rule' }]);
    expect(laneOf(participant({ phase: 'DLT_WINDOW', infusionDate: '2026-11-22' }), infused, protocol, '2026-12-02', 480).responses).toEqual([]);
  });

  it('ends a participant not yet infused at day 0, starting at registration', () => {
    const lane = laneOf(participant({}), enrolled, protocol, '2026-11-11', 0);
    expect(lane).toMatchObject({ infused: false, from: -10, to: 0, dltWindow: undefined, adverseEvents: [] });
  });

  it('marks the end of study on its day', () => {
    const ended: JourneyState = { ...infused, phase: 'ENDED', endReason: 'WITHDRAWN', endedOn: '2026-12-01' };
    expect(laneOf(participant({ phase: 'ENDED', infusionDate: '2026-11-22' }), ended, protocol, '2026-12-20', 0)).toMatchObject({ to: 9, end: { day: 9, reason: 'WITHDRAWN' } });
  });

  it('counts participants per cohort and phase', () => {
    const counts = enrolmentByCohort([participant({}), participant({ participantId: 'p2' }), participant({ participantId: 'p3', cohortId: 'C2', phase: 'DLT_WINDOW' })]);
    expect([...counts.entries()].map(([c, m]) => [c, Object.fromEntries(m)])).toEqual([
      ['C1', { SCREENING: 2 }],
      ['C2', { DLT_WINDOW: 1 }],
    ]);
  });
});
