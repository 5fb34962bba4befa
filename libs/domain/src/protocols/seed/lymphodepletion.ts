import type { ProtocolInput } from '../protocol.schema.js';

/**
 * Conflict 7: neither seed gives a regimen. Default Flu 30 + Cy 300 mg/m²/day on D-5, D-4, D-3: within the
 * range the reference expects for Chinese autoimmune CAR-T IITs (Flu 25-30 + Cy 250-300 ×3) and the KYV-101,
 * cilta-cel and ide-cel regimens [typ, clinical-domain 1.4.1]. Mosteller BSA to 2 decimals, doses on the
 * rounded BSA; fludarabine to 0.1 mg, cyclophosphamide to 10 mg [typ pharmacy SOP].
 * Renal rule (conflicts 7-8), per trial: trial 1 (adults) the US Fludara label bands by Cockcroft-Gault (≥80
 * full, 50-79 −20%, 30-49 −40%, <30 do not give), matching its CrCl-by-CG eligibility; trial 2 enrols children,
 * whose renal function is the bedside Schwartz eGFR, which the Fludara label does not accept, so the US generic
 * injection label (mL/min/1.73 m², no equation named: >70 full, 30-70 −20%, <30 do not give).
 */
type RenalRuleSet = 'us-fludara-label' | 'us-generic-injection-label';

export const fluCy30x300 = (renalRuleSet: RenalRuleSet): ProtocolInput['lymphodepletion'] => ({
  regimen: {
    id: 'flu30x3-cy300x3',
    label: 'Fludarabine 30 mg/m²/day + cyclophosphamide 300 mg/m²/day, D-5 to D-3',
    bsa: { formula: 'mosteller', decimals: 2, doseBasis: 'rounded' },
    drugs: [
      { drug: 'fludarabine', doseMgPerM2PerDay: 30, dayOffsets: [-5, -4, -3], rounding: { method: 'decimals', decimals: 1 }, renalAdjustment: { ruleSet: renalRuleSet } },
      { drug: 'cyclophosphamide', doseMgPerM2PerDay: 300, dayOffsets: [-5, -4, -3], rounding: { method: 'step', stepMg: 10 } },
    ],
  },
  // When the equation's unit differs from the label's (CG mL/min against mL/min/1.73 m²), convert with the
  // participant's own BSA.
  renalFunction: { weightBasis: 'actual', paediatricBelowAgeYears: 18, convertUnitsWithBsa: true },
  doseTolerancePercent: 10, // clinical-domain 4.7 example: ">10%"
  requireLotBeforeStart: true, // EBMT 2024 rule (1) [src]
});
