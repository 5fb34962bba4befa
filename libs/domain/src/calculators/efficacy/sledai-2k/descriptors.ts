/**
 * The 24 SLEDAI-2K descriptors with their weights (Gladman DD et al., J Rheumatol 2002;29:288-91), in the
 * order of the score sheet. Definitions are the short forms of clinical-domain 3.1 [src: medicalcriteria.com,
 * pediatriconcall]; they are what the assessor attests, except proteinuria, which may be given as a measured
 * 24-hour quantity and is then scored against the >0.5 g/24 h threshold here.
 */
export const SLEDAI_2K_DESCRIPTORS = [
  { id: 'seizure', weight: 8, definition: 'Recent onset; not metabolic, infectious or drug-related' },
  { id: 'psychosis', weight: 8, definition: 'Severe disturbance in perception of reality; not uraemia or drugs' },
  { id: 'organicBrainSyndrome', weight: 8, definition: 'Acute fluctuating impaired orientation, memory or intellect with ≥2 supporting features' },
  { id: 'visualDisturbance', weight: 8, definition: 'Retinal changes of SLE or optic neuritis' },
  { id: 'cranialNerveDisorder', weight: 8, definition: 'New sensory or motor cranial neuropathy' },
  { id: 'lupusHeadache', weight: 8, definition: 'Severe persistent headache unresponsive to narcotic analgesia' },
  { id: 'cerebrovascularAccident', weight: 8, definition: 'New stroke; not atherosclerosis' },
  { id: 'vasculitis', weight: 8, definition: 'Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, or biopsy/angiogram proof' },
  // "≥2 joints" is the 2K wording; the 1992 SLEDAI said ">2" (clinical-domain 3.1 [lit]).
  { id: 'arthritis', weight: 4, definition: '≥2 joints with pain and signs of inflammation' },
  { id: 'myositis', weight: 4, definition: 'Proximal aching or weakness with raised CK/aldolase, EMG or biopsy evidence' },
  { id: 'urinaryCasts', weight: 4, definition: 'Haem-granular or red-cell casts' },
  { id: 'haematuria', weight: 4, definition: '>5 RBC/high-power field; exclude stone, infection, other cause' },
  { id: 'proteinuria', weight: 4, definition: '>0.5 g/24 h' },
  { id: 'pyuria', weight: 4, definition: '>5 WBC/high-power field; exclude infection' },
  { id: 'rash', weight: 2, definition: 'Inflammatory-type rash' },
  { id: 'alopecia', weight: 2, definition: 'Abnormal patchy or diffuse hair loss' },
  { id: 'mucosalUlcers', weight: 2, definition: 'Oral or nasal ulcers' },
  { id: 'pleurisy', weight: 2, definition: 'Pleuritic chest pain with rub, effusion or pleural thickening' },
  { id: 'pericarditis', weight: 2, definition: 'Pericardial pain with rub, effusion, or ECG/echo confirmation' },
  { id: 'lowComplement', weight: 2, definition: 'CH50, C3 or C4 below the laboratory lower limit' },
  { id: 'increasedDnaBinding', weight: 2, definition: 'Anti-dsDNA above the laboratory normal range' },
  // Fever >38 °C: the threshold was not re-verified in the reference pass (clinical-domain 3.1 / section 8 row 13).
  { id: 'fever', weight: 1, definition: '>38 °C; exclude infection' },
  { id: 'thrombocytopenia', weight: 1, definition: 'Platelets <100×10^9/L; exclude drug causes' },
  { id: 'leukopenia', weight: 1, definition: 'WBC <3×10^9/L; exclude drug causes' },
] as const satisfies readonly { id: string; weight: 1 | 2 | 4 | 8; definition: string }[];

export type Sledai2kDescriptorId = (typeof SLEDAI_2K_DESCRIPTORS)[number]['id'];

export const SLEDAI_2K_DESCRIPTOR_IDS: readonly Sledai2kDescriptorId[] = SLEDAI_2K_DESCRIPTORS.map((d) => d.id);

/** The two serology descriptors that "clinical SLEDAI-2K" leaves out (used by DORIS remission, clinical-domain 3.5). */
export const SLEDAI_2K_SEROLOGY: readonly Sledai2kDescriptorId[] = ['lowComplement', 'increasedDnaBinding'];

/** SLEDAI-2K proteinuria counts only strictly above 0.5 g/24 h. */
export const SLEDAI_2K_PROTEINURIA_THRESHOLD_G_PER_24H = 0.5;

export const SLEDAI_2K_MAX = 105;
