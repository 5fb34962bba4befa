import { describe, expect, it } from '@jest/globals';
import type { Protocol } from '../../../api/protocol.js';
import { protocol } from '../fixtures.js';
import { scorableAt } from './scored-instruments.js';

const withInstruments: Protocol = {
  ...protocol,
  visits: [{ id: 'D28', label: 'Week 4', nominalDay: 28, windowBeforeDays: 0, windowAfterDays: 3, anchor: 'INFUSION', instruments: { SLE: ['SLEDAI-2K', 'BILAG-2004', 'PGA'], '*': ['IMMUNOLOGY-PANEL', 'ECOG'] } }],
};
const assessed = (instrument: string, visitId = 'D28') => ({
  entryId: instrument,
  type: 'EfficacyAssessed',
  value: { visitId, instrument, assessedOn: '2026-12-20', value: 1, unit: 'score', baseline: null, change: null, response: null },
});

describe('the instruments offered for a score at a visit', () => {
  it('are those scheduled for the cohort (and for every cohort) that take a single score', () => {
    expect(scorableAt(withInstruments, 'SLE', 'D28', { efficacyAssessments: [] })).toEqual(['SLEDAI-2K', 'PGA', 'ECOG']);
    expect(scorableAt(withInstruments, 'MG', 'D28', { efficacyAssessments: [] })).toEqual(['ECOG']);
  });

  it('leave out an instrument already scored at that visit (a rescore is a void first), not at another visit', () => {
    expect(scorableAt(withInstruments, 'SLE', 'D28', { efficacyAssessments: [assessed('SLEDAI-2K'), assessed('PGA', 'M3')] })).toEqual(['PGA', 'ECOG']);
    expect(scorableAt(withInstruments, 'SLE', 'M3', { efficacyAssessments: [] })).toEqual([]);
  });
});
