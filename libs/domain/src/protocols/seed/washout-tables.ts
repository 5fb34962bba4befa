import type { ProtocolInput } from '../protocol.schema.js';

/**
 * EBMT/ISCT 2024 position statement, Table 5 (Greco et al. 2024) [src]: written for leukapheresis of
 * autologous products; for an off-the-shelf allogeneic product there is no apheresis, so the reference event
 * becomes lymphodepletion (clinical-domain 1.3).
 */
export const ebmt2024Washout: ProtocolInput['washout'] = {
  referenceEvent: 'LYMPHODEPLETION_START',
  classes: [
    { drugClass: 'GLUCOCORTICOIDS_ABOVE_10MG', label: 'Glucocorticoids >10 mg/day prednisone-equivalent', minimumDays: 7, note: 'Taper to ≤10 mg/day by 7 days before; topical/inhaled allowed' },
    { drugClass: 'HYDROXYCHLOROQUINE', label: 'Hydroxychloroquine', minimumDays: 0, note: 'No washout needed' },
    { drugClass: 'ANTIMETABOLITES_CNI_MTOR_JAK', label: 'Mycophenolate, azathioprine, calcineurin, mTOR and JAK inhibitors', minimumDays: 14 },
    { drugClass: 'CYCLOPHOSPHAMIDE_METHOTREXATE', label: 'Cyclophosphamide, methotrexate', minimumDays: 21 },
    { drugClass: 'PROTEASOME_INHIBITORS', label: 'Proteasome inhibitors (bortezomib)', minimumDays: 21 },
    { drugClass: 'B_CELL_ANTIBODIES', label: 'Belimumab, anti-CD20 and other B-cell antibodies', minimumDays: 7 },
    { drugClass: 'ANTI_CYTOKINE_ANTIBODIES', label: 'Anti-cytokine antibodies', minimumDays: 30 },
    { drugClass: 'NATALIZUMAB', label: 'Natalizumab', minimumDays: 42 },
    { drugClass: 'FUMARATE_FINGOLIMOD', label: 'Dimethyl fumarate, fingolimod', minimumDays: 42 },
    { drugClass: 'T_CELL_DEPLETING', label: 'Alemtuzumab, daratumumab, ATG', minimumDays: 42 },
    { drugClass: 'CLADRIBINE', label: 'Cladribine', minimumDays: 182 },
  ],
};

/**
 * Trial 2's seed rule: "immunosuppressive agents discontinued for more than 1 week" [seed]. Conflict 6: the
 * seed names no drug classes and no reference event, and is shorter than EBMT for several classes. Default:
 * strictly more than 7 days (8) for every systemic immunosuppressant class, measured to LD start; whether
 * glucocorticoids and hydroxychloroquine count is unstated, so they carry no minimum here (EBMT's view) and
 * the sponsor must confirm.
 */
export const trial2SeedWashout: ProtocolInput['washout'] = {
  referenceEvent: 'LYMPHODEPLETION_START',
  classes: ebmt2024Washout.classes.map((c) =>
    c.drugClass === 'HYDROXYCHLOROQUINE' || c.drugClass === 'GLUCOCORTICOIDS_ABOVE_10MG'
      ? { ...c, minimumDays: 0, note: 'Seed silent (conflict 6): no minimum until the sponsor confirms' }
      : { ...c, minimumDays: 8, note: 'Seed: stopped more than 1 week (conflict 6: EBMT asks longer for this class)' },
  ),
};
