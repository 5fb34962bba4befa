import { describe, expect, it } from '@jest/globals';
import { eventLabel } from './labels.js';

describe('event labels', () => {
  it('writes an event type in words, with its acronyms in capitals wherever they stand', () => {
    expect(['DltCandidateFlagged', 'SaeReportedToSponsor', 'IcansAssessed', 'LymphodepletionDoseAdministered', 'AdverseEventReported'].map(eventLabel)).toEqual([
      'DLT candidate flagged',
      'SAE reported to sponsor',
      'ICANS assessed',
      'Lymphodepletion dose administered',
      'Adverse event reported',
    ]);
  });
});
