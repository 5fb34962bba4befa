import type { ProtocolInput } from '../protocol.schema.js';

/**
 * Conflict 10: the seeds define DLTs only as "graded by CTCAE v5.0 and ASTCT, within 28 days". Until the
 * protocol's list is read, a composite of what CAR-T phase 1 protocols commonly list (clinical-domain 2.6,
 * every row [typ]), with GvHD and IEC-HS added because both products are allogeneic. Window D0-D28, both days
 * included; toxicity of lymphodepletion before the infusion does not count.
 */
export const compositeDltCriteria: ProtocolInput['dlt'] = {
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
        { terms: ['Hypokalemia', 'Hyponatremia', 'Hypophosphatemia', 'Hypocalcemia', 'Hypomagnesemia'], onlyIfResolvedWithin: { value: 72, unit: 'hours' } },
      ],
      description: 'Related grade ≥3 non-haematological AE not resolving to ≤2 within 7 days',
    },
    { id: 'NEUT-G4-D28', kind: 'ae-term', terms: ['Neutrophil count decreased', 'Platelet count decreased'], minGrade: 4, lastingMoreThan: { value: 28, unit: 'days' }, description: 'Grade 4 neutropenia or thrombocytopenia not recovering by day 28' },
    { id: 'GVHD-G3', kind: 'ae-term', terms: ['Graft versus host disease'], minGrade: 3, description: 'Acute GvHD of CTCAE grade ≥3 (allogeneic product)' },
    { id: 'IEC-HS', kind: 'ae-term', terms: ['Hemophagocytic lymphohistiocytosis'], minGrade: 1, description: 'Any IEC-associated HLH-like syndrome' },
    { id: 'INFUSION-REACTION-G3', kind: 'ae-term', terms: ['Infusion related reaction'], minGrade: 3, description: 'Grade ≥3 infusion-related reaction' },
    { id: 'ANY-G5', kind: 'any-event', minGrade: 5, description: 'Any grade 5 event' },
  ],
};
