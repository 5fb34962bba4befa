import { describe, expect, it } from '@jest/globals';
import type { JourneyState, TimelineEntry } from '../../api/types.js';
import { enrolled, protocol } from './fixtures.js';
import { journeyGeometry, phaseBars, siteDate } from './journey-geometry.js';

const event = (type: string, occurredAt: string, voidedBy: number | null = null): TimelineEntry => ({
  streamPosition: 1,
  eventId: `${type}-${occurredAt}`,
  type,
  data: {},
  occurredAt,
  recordedAt: occurredAt,
  who: null,
  why: null,
  correction: null,
  voiding: null,
  correctedBy: [],
  voidedBy,
});

const infused: JourneyState = {
  ...enrolled,
  phase: 'DLT_WINDOW',
  infusion: { entryId: 'i', startedAt: '2026-11-22T01:00:00Z', completedAt: '2026-11-22T01:30:00Z', infusionDate: '2026-11-22', percentOfTarget: 100 },
  visits: [{ entryId: 'v', type: 'VisitCompleted', value: { visitId: 'D7', actualDate: '2026-11-30', inWindow: true } }],
  toxicityAssessments: [{ entryId: 't', type: 'CrsAssessed', value: { kind: 'CRS', grade: 2, assessedAt: '2026-11-23T20:00:00Z' } }],
};

describe('the journey plot geometry', () => {
  it('dates events on the site calendar (UTC+8: 20:00 UTC is the next day)', () => {
    expect(siteDate('2026-11-23T20:00:00Z', 480)).toBe('2026-11-24');
  });

  it('draws a phase from each phase-changing event to the next, leaving out voided ones', () => {
    const bars = phaseBars([event('ParticipantRegistered', '2026-11-01T02:00:00Z'), event('ConsentSigned', '2026-11-02T02:00:00Z'), event('Enrolled', '2026-11-10T02:00:00Z'), event('Withdrawn', '2026-11-12T02:00:00Z', 9)], 480);
    expect(bars).toEqual([
      { phase: 'SCREENING', from: '2026-11-01', to: '2026-11-10' },
      { phase: 'ENROLLED', from: '2026-11-10', to: undefined },
    ]);
  });

  it('places visit windows from the actual infusion date, and a visit anchored on the previous one from its actual date', () => {
    const g = journeyGeometry(protocol, infused, [], 480);
    expect(g.visits).toEqual([
      { visitId: 'D7', label: 'Week 1', target: '2026-11-29', opens: '2026-11-28', closes: '2026-11-30', done: { on: '2026-11-30', inWindow: true }, missed: false },
      // D14 follows D7's actual date (30 Nov) by 7 days, not its target.
      { visitId: 'D14', label: 'Week 2', target: '2026-12-07', opens: '2026-12-05', closes: '2026-12-09', missed: false },
    ]);
    expect(g.dltWindow).toEqual({ from: '2026-11-22', to: '2026-12-20' });
    expect(g.toxicity).toEqual([{ kind: 'CRS', grade: 2, on: '2026-11-24' }]);
  });

  it('has no visits nor DLT window before the infusion', () => {
    const g = journeyGeometry(protocol, enrolled, [], 480);
    expect(g.visits).toEqual([]);
    expect(g.dltWindow).toBeUndefined();
  });
});
