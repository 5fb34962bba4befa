/**
 * Trial 1: universal allogeneic anti-CD19/BCMA CAR-T (UCAR-T) in relapsed/refractory autoimmune disease.
 * Seed document; registry match not confirmed (clinical-domain 0.3, tagged [?]).
 * The site below is a demonstration site: real sites are configured per deployment.
 */
export const ucartCd19BcmaV1 = {
  trialId: 'ucart-cd19-bcma',
  protocolVersion: '1.0',
  title: 'Universal allogeneic anti-CD19/BCMA CAR-T in relapsed/refractory autoimmune diseases',
  cohorts: [
    { id: 'SLE', disease: 'Systemic lupus erythematosus', label: 'R/R SLE' },
    { id: 'AIHA', disease: 'Autoimmune haemolytic anaemia', label: 'R/R AIHA' },
    { id: 'MG', disease: 'Myasthenia gravis', label: 'R/R myasthenia gravis' },
    { id: 'SSC', disease: 'Systemic sclerosis', label: 'R/R systemic sclerosis' },
    { id: 'AAV', disease: 'ANCA-associated vasculitis', label: 'R/R ANCA vasculitis' },
    { id: 'IIM', disease: 'Idiopathic inflammatory myopathy', label: 'R/R inflammatory myopathy' },
    { id: 'IGG4RD', disease: 'IgG4-related disease', label: 'R/R IgG4-RD' },
  ],
  sites: [{ id: 'DEMO-01', name: 'Demonstration site 1', timeZone: 'Asia/Shanghai' }],
  // [typ] 28 days; protocols range 14-42 (clinical-domain 1.2). Not stated in the seed.
  screening: { windowDays: 28 },
} as const;
