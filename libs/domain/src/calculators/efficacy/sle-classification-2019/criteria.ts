/**
 * 2019 EULAR/ACR SLE classification: additive criteria by domain with weights (Aringer M et al. Ann Rheum Dis
 * 2019;78:1151-9; clinical-domain 3.6 [src: every weight re-checked]). Seven clinical and three immunological
 * domains; within a domain only the highest-weighted criterion counts.
 */
export const SLE_2019_CRITERIA = [
  { id: 'fever', domain: 'constitutional', weight: 2, label: 'Fever >38.3 °C' },
  { id: 'leukopenia', domain: 'haematological', weight: 3, label: 'Leukopenia <4.0×10^9/L' },
  { id: 'thrombocytopenia', domain: 'haematological', weight: 4, label: 'Thrombocytopenia <100×10^9/L' },
  { id: 'autoimmuneHaemolysis', domain: 'haematological', weight: 4, label: 'Autoimmune haemolysis (haemolysis + positive DAT)' },
  { id: 'delirium', domain: 'neuropsychiatric', weight: 2, label: 'Delirium' },
  { id: 'psychosis', domain: 'neuropsychiatric', weight: 3, label: 'Psychosis' },
  { id: 'seizure', domain: 'neuropsychiatric', weight: 5, label: 'Seizure' },
  { id: 'nonScarringAlopecia', domain: 'mucocutaneous', weight: 2, label: 'Non-scarring alopecia' },
  { id: 'oralUlcers', domain: 'mucocutaneous', weight: 2, label: 'Oral ulcers' },
  { id: 'subacuteCutaneousOrDiscoidLupus', domain: 'mucocutaneous', weight: 4, label: 'Subacute cutaneous or discoid lupus' },
  { id: 'acuteCutaneousLupus', domain: 'mucocutaneous', weight: 6, label: 'Acute cutaneous lupus' },
  { id: 'pleuralOrPericardialEffusion', domain: 'serosal', weight: 5, label: 'Pleural or pericardial effusion' },
  { id: 'acutePericarditis', domain: 'serosal', weight: 6, label: 'Acute pericarditis' },
  { id: 'jointInvolvement', domain: 'musculoskeletal', weight: 6, label: 'Synovitis ≥2 joints, or tenderness ≥2 joints with ≥30 min morning stiffness' },
  { id: 'proteinuria', domain: 'renal', weight: 4, label: 'Proteinuria >0.5 g/24 h' },
  { id: 'lupusNephritisClassIIorV', domain: 'renal', weight: 8, label: 'Renal biopsy class II or V lupus nephritis' },
  { id: 'lupusNephritisClassIIIorIV', domain: 'renal', weight: 10, label: 'Renal biopsy class III or IV lupus nephritis' },
  { id: 'antiphospholipidAntibodies', domain: 'antiphospholipidAntibodies', weight: 2, label: 'Anticardiolipin, anti-β2GPI or lupus anticoagulant' },
  { id: 'lowC3OrLowC4', domain: 'complementProteins', weight: 3, label: 'Low C3 or low C4' },
  { id: 'lowC3AndLowC4', domain: 'complementProteins', weight: 4, label: 'Low C3 and low C4' },
  { id: 'antiDsDnaOrAntiSmith', domain: 'sleSpecificAntibodies', weight: 6, label: 'Anti-dsDNA (assay ≥90% specific) or anti-Smith' },
] as const;

export type Sle2019CriterionId = (typeof SLE_2019_CRITERIA)[number]['id'];
export type Sle2019Domain = (typeof SLE_2019_CRITERIA)[number]['domain'];

export const SLE_2019_CLINICAL_DOMAINS: readonly Sle2019Domain[] = ['constitutional', 'haematological', 'neuropsychiatric', 'mucocutaneous', 'serosal', 'musculoskeletal', 'renal'];

/** Classification threshold: ≥10 points with at least one clinical criterion. */
export const SLE_2019_POINTS_THRESHOLD = 10;
/** Entry criterion: ANA at a titre of ≥1:80 on HEp-2 cells (or an equivalent positive test), ever. */
export const SLE_2019_ANA_MIN_TITRE_RECIPROCAL = 80;
