/** The nine BILAG-2004 organ domains (Isenberg DA et al., Rheumatology 2005; clinical-domain 3.3). */
export const BILAG_2004_DOMAINS = [
  'constitutional',
  'mucocutaneous',
  'neuropsychiatric',
  'musculoskeletal',
  'cardiorespiratory',
  'gastrointestinal',
  'ophthalmic',
  'renal',
  'haematological',
] as const;

export type Bilag2004Domain = (typeof BILAG_2004_DOMAINS)[number];

/** A severe … E never involved. Grades come from the official item algorithm, not typed by hand (clinical-domain 3.3). */
export const BILAG_2004_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Bilag2004Grade = (typeof BILAG_2004_GRADES)[number];

export type Bilag2004Grades = { readonly [D in Bilag2004Domain]: Bilag2004Grade };

/** "New A": graded A at follow-up and not A at baseline. */
export const isNewA = (baseline: Bilag2004Grade, followUp: Bilag2004Grade): boolean => followUp === 'A' && baseline !== 'A';

/** "New B": graded B at follow-up from C, D or E at baseline; A → B is an improvement, not new (clinical-domain 3.2 [lit]). */
export const isNewB = (baseline: Bilag2004Grade, followUp: Bilag2004Grade): boolean => followUp === 'B' && (baseline === 'C' || baseline === 'D' || baseline === 'E');
