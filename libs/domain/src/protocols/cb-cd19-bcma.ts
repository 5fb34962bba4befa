/**
 * Trial 2: umbilical-cord-blood-derived CD19-BCMA CAR-T in SLE lupus nephritis, systemic sclerosis and
 * primary Sjögren's with pulmonary arterial hypertension; 45-54 participants; single centre
 * (NCT06947473, sponsor protocol BJGBYY-IIT-LCYJ-2025-025; clinical-domain 0.3).
 */
export const cbCd19BcmaV1 = {
  trialId: 'cb-cd19-bcma',
  protocolVersion: '1.0',
  title: 'Umbilical-cord-blood-derived CD19-BCMA CAR-T in refractory autoimmune diseases',
  registry: 'NCT06947473',
  cohorts: [
    { id: 'SLE_LN', disease: 'SLE with lupus nephritis', label: 'Refractory lupus nephritis' },
    { id: 'SSC', disease: 'Systemic sclerosis', label: 'Refractory systemic sclerosis' },
    { id: 'PSS_PAH', disease: "Primary Sjögren's with pulmonary arterial hypertension", label: 'pSS-PAH' },
  ],
  // Single-centre trial (seed); the centre's code is a deployment setting.
  sites: [{ id: 'CN-BJ-GB', name: 'Beijing GoBroad Hospital', timeZone: 'Asia/Shanghai' }],
  // [typ] 28 days; protocols range 14-42 (clinical-domain 1.2). Not stated in the seed.
  screening: { windowDays: 28 },
} as const;
