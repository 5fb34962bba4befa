import type { ProtocolInput } from '../protocol.schema.js';
import { anyOf, attested, measured } from './builders.js';
import { compositeDltCriteria } from './dlt-criteria.js';
import { fluCy30x300 } from './lymphodepletion.js';
import { referenceSchedule } from './reference-schedule.js';
import { trial2SeedWashout } from './washout-tables.js';

/**
 * Trial 2: umbilical-cord-blood-derived CD19-BCMA CAR-T in SLE lupus nephritis, systemic sclerosis and primary
 * Sjögren's with PAH; single centre, open label, single arm, 45-54 participants (NCT06947473, sponsor protocol
 * BJGBYY-IIT-LCYJ-2025-025; clinical-domain 0.3).
 */
const cd19 = measured('cd19-b-cells', 'CD19+ B cells present in peripheral blood [seed]', 'CD19_B_CELLS_POSITIVE', '=', true);
const ecog = measured('ecog', 'ECOG performance status 0-2 [seed]; conflict 18: Lansky is usual below 16 y', 'ECOG', '<=', 2, 'score');
const noInfection = attested('no-active-infection', 'No active uncontrolled infection', 'exclusion');
const noAllergy = attested('no-product-allergy', 'No known allergy to the product or its excipients [seed]', 'exclusion');

export const cbCd19BcmaV1: ProtocolInput = {
  trialId: 'cb-cd19-bcma',
  protocolVersion: '1.0',
  title: 'Umbilical-cord-blood-derived CD19-BCMA CAR-T in refractory autoimmune diseases',
  registry: 'NCT06947473',
  targetEnrolment: { min: 45, max: 54 }, // [seed]; one registry mirror lists 45 (conflict 4)
  // Conflict 1: registry header 6-65, inclusion list 3-65. Default 3: the inclusion list is the protocol
  // text, and the paediatric rules (assent, Schwartz, CAPD) must work from age 3 either way.
  ageYears: { min: 3, max: 65 },
  // Conflict 22: Chinese IITs sometimes number the infusion day as Day 1; not stated, default day 0.
  dayNumbering: 'infusion-day-0',
  cohorts: [
    {
      id: 'SLE_LN',
      disease: 'SLE with lupus nephritis',
      label: 'Refractory lupus nephritis',
      eligibility: [
        attested('sle-classification', 'Meets the 2019 EULAR/ACR SLE classification criteria [seed]'),
        // Conflict 3: the seed says "ANA ≥1:80 and/or anti-dsDNA ≥30 IU/mL", but the 2019 criteria (required
        // above) already demand ANA ≥1:80, so dsDNA alone cannot qualify. Encoded literally (either), with
        // both values kept separately so the clinical team's answer is a data change.
        anyOf('serology', 'ANA ≥1:80 and/or anti-dsDNA ≥30 IU/mL (ELISA) [seed]', [
          measured('ana', 'ANA titre ≥1:80', 'ANA_TITRE', '>=', 80, 'reciprocal titre'),
          measured('anti-dsdna', 'anti-dsDNA ≥30 IU/mL by ELISA', 'ANTI_DSDNA', '>=', 30, 'IU/mL'),
        ]),
        attested('ln-biopsy', 'Biopsy-proven class III or IV (± V) lupus nephritis within 6 months or during screening [seed]'),
        cd19,
        ecog,
        noInfection,
        noAllergy,
      ],
    },
    {
      id: 'SSC',
      disease: 'Systemic sclerosis',
      label: 'Refractory systemic sclerosis',
      // Conflict 2: the seed's criteria belong to the LN cohort; SSc criteria are [typ] until the protocol is read.
      eligibility: [
        attested('ssc-classification', 'Meets the 2013 ACR/EULAR SSc classification criteria [typ]'),
        measured('mrss', 'mRSS ≥15 [typ]', 'MRSS', '>=', 15, 'score', 28),
        cd19,
        ecog,
        noInfection,
        noAllergy,
      ],
    },
    {
      id: 'PSS_PAH',
      disease: "Primary Sjögren's with pulmonary arterial hypertension",
      label: 'pSS-PAH',
      // Conflict 2 as above; PAH by right-heart catheter under the 2022 ESC/ERS haemodynamic definition [lit].
      eligibility: [
        attested('pss-classification', "Meets the 2016 ACR/EULAR primary Sjögren's classification criteria [typ]"),
        attested('pah-by-rhc', 'PAH confirmed by right-heart catheterisation (mPAP >20 mmHg, PAWP ≤15 mmHg, PVR >2 WU) [lit]'),
        cd19,
        ecog,
        noInfection,
        noAllergy,
      ],
    },
  ],
  // Single-centre trial [seed]; the centre's code is a deployment setting.
  sites: [{ id: 'CN-BJ-GB', name: 'Beijing GoBroad Hospital', timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480 }],
  // Minors sign with a guardian plus assent (clinical-domain 1.10).
  consent: { icfVersions: [{ version: '1.0', approvedFrom: '2025-05-01' }], adultAgeYears: 18 },
  screening: { windowDays: 28, maxRescreens: 1 }, // [typ]
  // Conflict 9: not stated. One level at the Erlangen 1×10^6 CAR+ cells/kg [typ], capped for heavy adults [typ].
  doseLevels: [{ id: 'DL1', label: '1×10^6 CAR+ cells/kg', dose: { basis: 'PER_KG', carPositiveCellsPerKg: 1e6, maxTotalCells: 1e8 } }],
  washout: trial2SeedWashout,
  lymphodepletion: fluCy30x300('us-generic-injection-label'), // conflicts 7-8: see seed/lymphodepletion.ts
  infusion: { thawToInfusionLimitMinutes: 60, maxDaysFromLymphodepletionEnd: 14, doseTolerancePercent: 10 }, // conflict 21: see trial 1
  dlt: compositeDltCriteria, // conflict 10: see seed/dlt-criteria.ts
  // Conflict 11: AEs to D90 is from trial 1's seed; trial 2 states only DLTs within 28 days. Same default.
  aeCollection: { start: 'CONSENT', endDay: 90 },
  safetyReporting: { saeReportHours: 24 },
  visits: referenceSchedule(),
  reminders: { beforeTargetDays: [3, 1], atWindowOpen: true, atTarget: true, escalateDaysBeforeClose: 1, sendAtLocalTime: '08:00' },
};
