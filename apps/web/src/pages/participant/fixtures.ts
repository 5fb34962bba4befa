import type { Protocol } from '../../api/protocol.js';
import type { JourneyState } from '../../api/types.js';

/** A small protocol in the API's shape, for the pure tests of the participant page. */
export const protocol: Protocol = {
  trialId: 'demo-trial',
  protocolVersion: '1.0',
  title: 'Demo',
  dayNumbering: 'infusion-day-0',
  sites: [{ id: 'S1', name: 'Site 1', timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480 }],
  cohorts: [
    {
      id: 'SLE',
      disease: 'SLE',
      label: 'SLE',
      eligibility: [
        { id: 'age', kind: 'inclusion', text: 'Age', rule: 'age' },
        { id: 'anc', kind: 'inclusion', text: 'ANC', rule: 'observation', code: 'ANC', comparator: '>=', threshold: 1, unit: '10^9/L' },
        { id: 'refractory', kind: 'inclusion', text: 'Refractory', rule: 'attestation', code: 'REFRACTORY' },
        {
          id: 'bilirubin',
          kind: 'inclusion',
          text: 'Bilirubin',
          rule: 'anyOf',
          criteria: [
            { id: 'b2', kind: 'inclusion', text: '≤2×ULN', rule: 'observation', code: 'BILIRUBIN', comparator: '<=', threshold: 2, unit: 'x ULN' },
            { id: 'gilbert', kind: 'inclusion', text: 'Gilbert', rule: 'attestation', code: 'GILBERT' },
          ],
        },
      ],
    },
  ],
  consent: { icfVersions: [{ version: '1.0', approvedFrom: '2025-01-01' }], adultAgeYears: 18 },
  screening: { windowDays: 28 },
  doseLevels: [{ id: 'DL1', label: '1e6/kg', dose: { basis: 'PER_KG', carPositiveCellsPerKg: 1e6 } }],
  washout: { referenceEvent: 'LYMPHODEPLETION_START', classes: [{ drugClass: 'MMF', label: 'Mycophenolate', minimumDays: 14 }] },
  lymphodepletion: { regimen: { label: 'Flu/Cy', drugs: [] }, doseTolerancePercent: 10, requireLotBeforeStart: true },
  infusion: { thawToInfusionLimitMinutes: 60, maxDaysFromLymphodepletionEnd: 14, doseTolerancePercent: 10 },
  dlt: { window: { startDay: 0, endDay: 28, startInclusive: true, endInclusive: true } },
  aeCollection: { endDay: 90 },
  visits: [
    { id: 'D7', label: 'Week 1', nominalDay: 7, windowBeforeDays: 1, windowAfterDays: 1, anchor: 'INFUSION' },
    { id: 'D14', label: 'Week 2', nominalDay: 14, windowBeforeDays: 2, windowAfterDays: 2, anchor: 'PREVIOUS_VISIT' },
  ],
};

export const registered: JourneyState = {
  version: 1,
  phase: 'SCREENING',
  ageYears: 34,
  screening: { episode: 1, windowElapsed: false, failures: 0, observations: [], attestations: [] },
  medicationStops: [],
  ld: { administered: [] },
  adverseEvents: [],
  toxicityAssessments: [],
  dlt: { candidates: [], windowClosed: false },
  visits: [],
  missedVisits: [],
  efficacyAssessments: [],
  unscheduledVisits: [],
  deviations: [],
};

const entry = <T>(value: T, type = 'X') => ({ entryId: `${type}-${JSON.stringify(value)}`, type, value });

export const consented: JourneyState = { ...registered, consent: { icfVersion: '1.0', signedOn: '2026-11-22', signedAt: '2026-11-21T23:00:00Z' } };

/** Every criterion answered (bilirubin by its observation alternative), evaluated eligible. */
export const evaluated: JourneyState = {
  ...consented,
  screening: {
    ...consented.screening,
    observations: [entry({ code: 'ANC', value: 1.5, unit: '10^9/L', observedOn: '2026-11-22' }), entry({ code: 'BILIRUBIN', value: 1, unit: 'x ULN', observedOn: '2026-11-22' })],
    attestations: [entry({ criterionCode: 'REFRACTORY', attested: true, on: '2026-11-21T23:10:00Z' })],
    evaluation: { results: [], eligible: true, recordHash: 'a'.repeat(64), evaluatedAt: '2026-11-21T23:20:00Z' },
  },
};

export const enrolled: JourneyState = { ...evaluated, phase: 'ENROLLED', doseLevelId: 'DL1', ld: { administered: [], calculated: { entryId: 'c', doses: [{ drug: 'flu', day: -5, doseMg: 48.9 }, { drug: 'cy', day: -5, doseMg: 490 }] } } };
