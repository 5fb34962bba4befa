import { describe, expect, it } from '@jest/globals';
import { evaluated } from './fixtures.js';
import { recordedEntries, shownValue, valueKind } from './correctable-entries.js';

describe('entries a person can correct or void', () => {
  it('lists what the state still holds, each with its current values and no identifier among the fields', () => {
    const state = {
      ...evaluated,
      adverseEvents: [{ aeId: 'ae-1', entryId: 'cmd-ae', term: 'Headache', grade: 2, serious: false, causality: 'POSSIBLE', onsetOn: '2026-11-22', awareAt: '2026-11-22T01:00:00Z' }],
      unscheduledVisits: [{ entryId: 'cmd-uv', type: 'UnscheduledVisitRecorded', value: { visitDate: '2026-11-22', reason: 'Fever', assessments: ['CRP'] } }],
    };
    const entries = recordedEntries(state);
    expect(entries.map((e) => e.label)).toEqual([
      'Observation ANC = 1.5 10^9/L (2026-11-22)',
      'Observation BILIRUBIN = 1 x ULN (2026-11-22)',
      'Attestation REFRACTORY: yes',
      'AE Headache (grade 2, onset 2026-11-22)',
      'Unscheduled visit on 2026-11-22',
    ]);
    const ae = entries.find((e) => e.entryId === 'cmd-ae')!;
    expect(ae.fields).toEqual(['term', 'grade', 'serious', 'causality', 'onsetOn', 'awareAt']);
    expect(ae.values.grade).toBe(2);
  });

  it('types a new value after the current one', () => {
    expect([2, true, ['CRP'], '2026-11-22', '2026-11-22T01:00:00Z', 'Fever', undefined].map(valueKind)).toEqual(['number', 'boolean', 'list', 'date', 'instant', 'text', 'text']);
    expect([['CRP', 'CBC'], undefined, 3].map(shownValue)).toEqual(['CRP, CBC', '—', '3']);
  });
});
