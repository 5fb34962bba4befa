import { describe, expect, it } from '@jest/globals';
import type { EfficacySummaryLine } from '../../api/types.js';
import { definitionNotes, formatChange, formatRate } from './efficacy-format.js';

describe('efficacy summary formatting', () => {
  it('shows the rate and its 95 % interval in whole percent, and a dash without assessments', () => {
    expect(formatRate({ responseRate: 0.8, ci95: { lower: 0.4902, upper: 0.9433 } })).toBe('80 % (49–94)');
    expect(formatRate({ responseRate: 1, ci95: { lower: 0.2065, upper: 1 } })).toBe('100 % (21–100)');
    expect(formatRate({ responseRate: null, ci95: null })).toBe('—');
  });

  it('signs a change from baseline', () => {
    expect([formatChange(-4), formatChange(1.54), formatChange(0), formatChange(null)]).toEqual(['−4', '+1.5', '0', '—']);
  });

  it('names each response definition once', () => {
    const line = (instrument: string, algorithm: string) => ({ instrument, responseDefinition: `${instrument} rule`, responseAlgorithm: algorithm }) as EfficacySummaryLine;
    expect(definitionNotes([line('MG-ADL', 'a@1'), line('MG-ADL', 'a@1'), line('SLEDAI-2K', 'b@1')])).toEqual([
      { instrument: 'MG-ADL', definition: 'MG-ADL rule', algorithm: 'a@1' },
      { instrument: 'SLEDAI-2K', definition: 'SLEDAI-2K rule', algorithm: 'b@1' },
    ]);
  });
});
