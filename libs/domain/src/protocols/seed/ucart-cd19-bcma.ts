import type { ProtocolInput } from '../protocol.schema.js';
import { attested, measured } from './builders.js';
import { trial1CommonCriteria, transaminases } from './common-criteria.js';
import { compositeDltCriteria } from './dlt-criteria.js';
import { fluCy30x300 } from './lymphodepletion.js';
import { referenceSchedule } from './reference-schedule.js';
import { ebmt2024Washout } from './washout-tables.js';

/**
 * Trial 1: universal allogeneic anti-CD19/BCMA CAR-T (UCAR-T) in relapsed/refractory autoimmune disease.
 * The seed gives the title, indications and endpoints only; the registry match is unconfirmed (conflict 5),
 * so every value below that is not [seed] is a default for the sponsor to confirm.
 */
const classified = (id: string, criteriaSet: string) => attested(`${id}-classification`, `Meets the ${criteriaSet} classification criteria`);
const refractory = attested('refractory', 'Relapsed/refractory: documented failure of the protocol-defined prior therapies');

export const ucartCd19BcmaV1: ProtocolInput = {
  trialId: 'ucart-cd19-bcma',
  protocolVersion: '1.0',
  title: 'Universal allogeneic anti-CD19/BCMA CAR-T in relapsed/refractory autoimmune diseases',
  // Registry record: ≥18 years [src, probable match]; no upper limit stated: 70 is a [typ] default.
  ageYears: { min: 18, max: 70 },
  // Conflict 22: not stated; the international convention (infusion = day 0) until the protocol says otherwise.
  dayNumbering: 'infusion-day-0',
  cohorts: [
    {
      id: 'SLE',
      disease: 'Systemic lupus erythematosus',
      label: 'R/R SLE',
      eligibility: [
        classified('sle', '2019 EULAR/ACR SLE'),
        refractory,
        measured('sledai', 'Active disease: SLEDAI-2K ≥8 [typ]', 'SLEDAI_2K', '>=', 8, 'score', 28),
        ...trial1CommonCriteria,
        transaminases,
      ],
    },
    {
      id: 'AIHA',
      disease: 'Autoimmune haemolytic anaemia',
      label: 'R/R AIHA',
      eligibility: [
        attested('aiha-diagnosis', 'DAT-positive autoimmune haemolytic anaemia'),
        attested('refractory', 'Multirefractory: failure of ≥3 lines of therapy [src]'),
        ...trial1CommonCriteria.filter((c) => c.id !== 'haemoglobin'), // anaemia is the disease itself
        transaminases,
      ],
    },
    {
      id: 'MG',
      disease: 'Myasthenia gravis',
      label: 'R/R myasthenia gravis',
      eligibility: [
        attested('mg-diagnosis', 'AChR- or MuSK-antibody-positive generalised myasthenia gravis'),
        refractory,
        measured('mg-adl', 'MG-ADL ≥6 [typ]', 'MG_ADL', '>=', 6, 'score', 28),
        ...trial1CommonCriteria,
        transaminases,
      ],
    },
    {
      id: 'SSC',
      disease: 'Systemic sclerosis',
      label: 'R/R systemic sclerosis',
      eligibility: [classified('ssc', '2013 ACR/EULAR SSc'), refractory, measured('mrss', 'mRSS ≥15 [typ]', 'MRSS', '>=', 15, 'score', 28), ...trial1CommonCriteria, transaminases],
    },
    {
      id: 'AAV',
      disease: 'ANCA-associated vasculitis',
      label: 'R/R ANCA vasculitis',
      eligibility: [
        classified('aav', '2022 ACR/EULAR AAV'),
        refractory,
        measured('bvas', 'Active disease: BVAS v3 ≥3 [typ]', 'BVAS_V3', '>=', 3, 'score', 28),
        ...trial1CommonCriteria,
        transaminases,
      ],
    },
    {
      id: 'IIM',
      disease: 'Idiopathic inflammatory myopathy',
      label: 'R/R inflammatory myopathy',
      // "ALT/AST ≤3×ULN (myositis exempt)" [src, probable match]: muscle enzymes are disease activity here.
      eligibility: [classified('iim', '2017 EULAR/ACR IIM'), refractory, ...trial1CommonCriteria],
    },
    {
      id: 'IGG4RD',
      disease: 'IgG4-related disease',
      label: 'R/R IgG4-RD',
      eligibility: [
        classified('igg4rd', '2019 ACR/EULAR IgG4-RD'),
        refractory,
        measured('igg4rd-ri', 'Active disease: IgG4-RD RI ≥3 [typ]', 'IGG4_RD_RI', '>=', 3, 'score', 28),
        ...trial1CommonCriteria,
        transaminases,
      ],
    },
  ],
  // The seed names no sites: two demonstration sites, so that site-scoped access can be shown and tested.
  sites: [
    { id: 'DEMO-01', name: 'Demonstration site 1', timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480 },
    { id: 'DEMO-02', name: 'Demonstration site 2', timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480 },
  ],
  consent: { icfVersions: [{ version: '1.0', approvedFrom: '2025-01-01' }], adultAgeYears: 18 },
  // [typ] 28 days, range 14-42 (clinical-domain 1.2); one re-screening [typ].
  screening: { windowDays: 28, maxRescreens: 1 },
  // Conflict 9: no dose in the seed. A three-level escalation around the Erlangen 1×10^6/kg [typ].
  doseLevels: [
    { id: 'DL1', label: '1×10^6 CAR+ cells/kg', dose: { basis: 'PER_KG', carPositiveCellsPerKg: 1e6 } },
    { id: 'DL2', label: '2×10^6 CAR+ cells/kg', dose: { basis: 'PER_KG', carPositiveCellsPerKg: 2e6 } },
    { id: 'DL3', label: '3×10^6 CAR+ cells/kg', dose: { basis: 'PER_KG', carPositiveCellsPerKg: 3e6 } },
  ],
  // Conflict 6: the seed is silent for trial 1: EBMT/ISCT 2024 per-class table, measured to LD start.
  washout: ebmt2024Washout,
  lymphodepletion: fluCy30x300('us-fludara-label'), // conflicts 7-8: see seed/lymphodepletion.ts
  infusion: {
    // Conflict 21: from the pharmacy manual. 60 min from thaw start: the strictest published limit (ide-cel).
    thawToInfusionLimitMinutes: 60,
    maxDaysFromLymphodepletionEnd: 14, // cilta-cel label: repeat LD if delayed >14 days [src]
    doseTolerancePercent: 10, // [typ]
  },
  dlt: compositeDltCriteria, // conflict 10: see seed/dlt-criteria.ts
  aeCollection: { start: 'CONSENT', endDay: 90 }, // AEs to day 90 [seed]; from consent [typ]
  safetyReporting: { saeReportHours: 24 }, // 21 CFR 312.64(b), operationalised as 24 h [src][typ]
  visits: referenceSchedule(),
  reminders: { beforeTargetDays: [3, 1], atWindowOpen: true, atTarget: true, escalateDaysBeforeClose: 1, sendAtLocalTime: '08:00' },
};
