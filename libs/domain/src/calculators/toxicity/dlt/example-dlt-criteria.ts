import type { DltCriteriaInput } from './dlt-criteria.schema.js';

/**
 * A composite DLT definition of the kind CAR-T phase 1 protocols use (clinical-domain 2.6, every row [typ]),
 * for tests and as an example of protocol data. Not a default: each protocol states its own.
 */
export const exampleDltCriteria: DltCriteriaInput = {
  window: { dayNumbering: 'infusion-day-0', startDay: 0, startInclusive: true, endDay: 28, endInclusive: true, excludeEventsBeforeInfusion: true },
  rules: [
    { id: 'CRS-G4', kind: 'crs', minGrade: 4, description: 'Grade 4 CRS of any duration' },
    { id: 'CRS-G3-72H', kind: 'crs', minGrade: 3, lastingMoreThan: { value: 72, unit: 'hours' }, description: 'Grade 3 CRS not improving to ≤2 within 72 h' },
    { id: 'ICANS-G4', kind: 'icans', minGrade: 4, description: 'Grade 4 ICANS of any duration' },
    { id: 'ICANS-G3-72H', kind: 'icans', minGrade: 3, lastingMoreThan: { value: 72, unit: 'hours' }, description: 'Grade 3 ICANS lasting more than 72 h' },
    {
      id: 'NONHEM-G3-7D',
      kind: 'non-haematological-ae',
      minGrade: 3,
      lastingMoreThan: { value: 7, unit: 'days' },
      attributions: ['possible', 'probable', 'definite'],
      exclusions: [
        { terms: ['Fever', 'Alopecia', 'Fatigue', 'Nausea'] },
        { terms: ['Hypokalemia', 'Hyponatremia', 'Hypophosphatemia'], onlyIfResolvedWithin: { value: 72, unit: 'hours' } },
      ],
      description: 'Related grade ≥3 non-haematological AE not resolving to ≤2 within 7 days',
    },
    { id: 'NEUT-G4-14D', kind: 'ae-term', terms: ['Neutrophil count decreased'], minGrade: 4, lastingMoreThan: { value: 14, unit: 'days' }, description: 'Grade 4 neutropenia lasting more than 14 days' },
    { id: 'ANY-G5', kind: 'any-event', minGrade: 5, description: 'Any grade 5 event' },
  ],
};
