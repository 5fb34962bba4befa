/**
 * BVAS version 3: 56 items in 9 organ systems (Mukhtyar C et al., Ann Rheum Dis 2009;68:1827-32).
 * `persistent` / `newOrWorse` are the item weights; `persistent: null` marks the asterisked items, which "are
 * not compatible with persistent disease" (BVAS v3 form rule 5). Creatinine bands (`firstAssessmentOnly`) may be
 * scored only at the first assessment (form rule 4).
 *
 * Provenance of the numbers (clinical-domain 3.10 and section 8 rows 9-11):
 * - system maxima General 2/3, Cutaneous 3/6, Mucous membranes/eyes 3/6, Cardiovascular 3/6, totals 33/63, and
 *   the item weights of General, Cutaneous, Cardiovascular, the first five Mucous-membrane items and the Chest
 *   items from pleurisy to respiratory failure: [src] BVAS v3 form and BVAS 2003 glossary copies;
 * - every other weight, the ENT/Chest/Abdominal/Renal/Nervous maxima (which sum to the confirmed totals) and the
 *   asterisk set: [lit] Mukhtyar 2009 as recalled, not re-read — verify against the official glossary.
 */
export interface BvasItem {
  readonly id: string;
  readonly label: string;
  readonly persistent: number | null;
  readonly newOrWorse: number;
  readonly firstAssessmentOnly?: true;
}

export interface BvasSystem {
  readonly id: string;
  readonly label: string;
  readonly max: { readonly persistent: number; readonly newOrWorse: number };
  readonly items: readonly BvasItem[];
}

const item = (id: string, label: string, persistent: number | null, newOrWorse: number, firstAssessmentOnly?: true): BvasItem =>
  firstAssessmentOnly ? { id, label, persistent, newOrWorse, firstAssessmentOnly } : { id, label, persistent, newOrWorse };

export const BVAS_V3_SYSTEMS = [
  {
    id: 'general',
    label: 'General',
    max: { persistent: 2, newOrWorse: 3 },
    items: [item('myalgia', 'Myalgia', 1, 1), item('arthralgiaOrArthritis', 'Arthralgia / arthritis', 1, 1), item('fever', 'Fever ≥38 °C', 2, 2), item('weightLoss', 'Weight loss ≥2 kg', 2, 2)],
  },
  {
    id: 'cutaneous',
    label: 'Cutaneous',
    max: { persistent: 3, newOrWorse: 6 },
    items: [item('infarct', 'Infarct', 1, 2), item('purpura', 'Purpura', 1, 2), item('ulcer', 'Ulcer', 1, 4), item('gangrene', 'Gangrene', 2, 6), item('otherSkinVasculitis', 'Other skin vasculitis', 1, 2)],
  },
  {
    id: 'mucousMembranesEyes',
    label: 'Mucous membranes / eyes',
    max: { persistent: 3, newOrWorse: 6 },
    items: [
      item('mouthUlcers', 'Mouth ulcers / granulomata', 1, 2),
      item('genitalUlcers', 'Genital ulcers', 1, 1),
      item('adnexalInflammation', 'Adnexal inflammation', 2, 4),
      item('significantProptosis', 'Significant proptosis', 2, 4),
      item('scleritisEpiscleritis', 'Scleritis / episcleritis', 1, 2),
      item('conjunctivitisBlepharitisKeratitis', 'Conjunctivitis / blepharitis / keratitis', 1, 1),
      item('blurredVision', 'Blurred vision', 2, 3),
      item('suddenVisualLoss', 'Sudden visual loss', null, 6),
      item('uveitis', 'Uveitis', 2, 6),
      item('retinalChanges', 'Retinal changes (vasculitis / thrombosis / exudate / haemorrhage)', 2, 6),
    ],
  },
  {
    id: 'ent',
    label: 'ENT',
    max: { persistent: 3, newOrWorse: 6 },
    items: [
      item('bloodyNasalDischarge', 'Bloody nasal discharge / crusts / ulcers / granulomata', 2, 4),
      item('paranasalSinusInvolvement', 'Paranasal sinus involvement', 1, 2),
      item('subglotticStenosis', 'Subglottic stenosis', 3, 6),
      item('conductiveHearingLoss', 'Conductive hearing loss', 1, 3),
      item('sensorineuralHearingLoss', 'Sensorineural hearing loss', 2, 6),
    ],
  },
  {
    id: 'chest',
    label: 'Chest',
    max: { persistent: 3, newOrWorse: 6 },
    items: [
      item('wheeze', 'Wheeze', 1, 2),
      item('nodulesOrCavities', 'Nodules or cavities', null, 3),
      item('pleuralEffusionPleurisy', 'Pleural effusion / pleurisy', 2, 4),
      item('infiltrate', 'Infiltrate', 2, 4),
      item('endobronchialInvolvement', 'Endobronchial involvement', 2, 4),
      item('massiveHaemoptysis', 'Massive haemoptysis / alveolar haemorrhage', 4, 6),
      item('respiratoryFailure', 'Respiratory failure', 4, 6),
    ],
  },
  {
    id: 'cardiovascular',
    label: 'Cardiovascular',
    max: { persistent: 3, newOrWorse: 6 },
    items: [
      item('lossOfPulses', 'Loss of pulses', 1, 4),
      item('valvularHeartDisease', 'Valvular heart disease', 2, 4),
      item('pericarditis', 'Pericarditis', 1, 3),
      item('ischaemicCardiacPain', 'Ischaemic cardiac pain', 2, 4),
      item('cardiomyopathy', 'Cardiomyopathy', 3, 6),
      item('congestiveCardiacFailure', 'Congestive cardiac failure', 3, 6),
    ],
  },
  {
    id: 'abdominal',
    label: 'Abdominal',
    max: { persistent: 4, newOrWorse: 9 },
    items: [item('peritonitis', 'Peritonitis', 3, 9), item('bloodyDiarrhoea', 'Bloody diarrhoea', 3, 9), item('ischaemicAbdominalPain', 'Ischaemic abdominal pain', 2, 6)],
  },
  {
    id: 'renal',
    label: 'Renal',
    max: { persistent: 6, newOrWorse: 12 },
    items: [
      item('hypertension', 'Hypertension', 1, 4),
      item('proteinuria', 'Proteinuria >1+', 2, 4),
      item('haematuria', 'Haematuria ≥10 RBCs/hpf', 3, 6),
      item('creatinine125to249', 'Serum creatinine 125-249 µmol/L', 2, 4, true),
      item('creatinine250to499', 'Serum creatinine 250-499 µmol/L', 3, 5, true),
      item('creatinineAtLeast500', 'Serum creatinine ≥500 µmol/L', 4, 6, true),
      item('creatinineRise', 'Rise in serum creatinine >30% or fall in creatinine clearance >25%', null, 6),
    ],
  },
  {
    id: 'nervousSystem',
    label: 'Nervous system',
    max: { persistent: 6, newOrWorse: 9 },
    items: [
      item('headache', 'Headache', 1, 1),
      item('meningitis', 'Meningitis', 1, 3),
      item('organicConfusion', 'Organic confusion', 1, 3),
      item('seizures', 'Seizures (not hypertensive)', 3, 9),
      item('cerebrovascularAccident', 'Cerebrovascular accident', 3, 9),
      item('spinalCordLesion', 'Spinal cord lesion', 3, 9),
      item('cranialNervePalsy', 'Cranial nerve palsy', 3, 6),
      item('sensoryPeripheralNeuropathy', 'Sensory peripheral neuropathy', 3, 6),
      item('mononeuritisMultiplex', 'Mononeuritis multiplex', 3, 9),
    ],
  },
] as const satisfies readonly BvasSystem[];

export type BvasSystemId = (typeof BVAS_V3_SYSTEMS)[number]['id'];
export type BvasItemId = (typeof BVAS_V3_SYSTEMS)[number]['items'][number]['id'];

export const BVAS_V3_MAX = { persistent: 33, newOrWorse: 63 } as const;

export const BVAS_V3_ITEMS: ReadonlyMap<string, { readonly item: BvasItem; readonly system: BvasSystemId }> = new Map(
  BVAS_V3_SYSTEMS.flatMap((system) => system.items.map((i) => [i.id, { item: i as BvasItem, system: system.id }] as const)),
);

/** Mutually exclusive serum-creatinine bands. */
export const BVAS_V3_CREATININE_BANDS: readonly BvasItemId[] = ['creatinine125to249', 'creatinine250to499', 'creatinineAtLeast500'];
