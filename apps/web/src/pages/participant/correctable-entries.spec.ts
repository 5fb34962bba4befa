import { describe, expect, it } from '@jest/globals';
import { evaluated } from './fixtures.js';
import { recordedEntries, shownValue, valueKind } from './correctable-entries.js';

describe('entries a person can correct or void', () => {
  it('lists what the state still holds, each with its current values and no identifier among the fields', () => {
    const state = {
      ...evaluated,
      adverseEvents: [{ aeId: 'ae-1', entryId: 'cmd-ae', term: 'Headache', grade: 2, serious: false, causality: 'POSSIBLE', onsetOn: '2026-11-22', awareAt: '2026-11-22T01:00:00Z' }],
      unscheduledVisits: [{ entryId: 'cmd-uv', type: 'UnscheduledVisitRecorded', value: { visitDate: '2026-11-22', reason: 'Fever', assessments: ['CRP'] } }],
      efficacyAssessments: [
        {
          entryId: 'cmd-eff',
          type: 'EfficacyAssessed',
          value: { visitId: 'D28', instrument: 'MG-ADL', assessedOn: '2026-12-20', value: 3, unit: 'score', baseline: null, change: null, response: null },
        },
      ],
    };
    const entries = recordedEntries(state);
    expect(entries.map((e) => e.label)).toEqual([
      'Observation ANC = 1.5 10^9/L (2026-11-22)',
      'Observation BILIRUBIN = 1 x ULN (2026-11-22)',
      'Attestation REFRACTORY: yes',
      'AE Headache (grade 2, onset 2026-11-22)',
      'Unscheduled visit on 2026-11-22',
      'MG-ADL at D28: 3 (2026-12-20)',
    ]);
    // The derived change and response are not offered: a rescore is a void and a new score.
    expect(entries.find((e) => e.entryId === 'cmd-eff')!.fields).toEqual(['assessedOn', 'value']);
    const ae = entries.find((e) => e.entryId === 'cmd-ae')!;
    expect(ae.fields).toEqual(['term', 'grade', 'serious', 'causality', 'onsetOn', 'awareAt']);
    expect(ae.values.grade).toBe(2);
  });

  it('types a new value after the current one', () => {
    expect([2, true, ['CRP'], '2026-11-22', '2026-11-22T01:00:00Z', 'Fever', undefined].map(valueKind)).toEqual(['number', 'boolean', 'list', 'date', 'instant', 'text', 'text']);
    expect([['CRP', 'CBC'], undefined, 3].map(shownValue)).toEqual(['CRP, CBC', '—', '3']);
  });
});
