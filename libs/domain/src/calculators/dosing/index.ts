/** Dosing calculators (issue 4): BSA, renal function, fludarabine renal adjustment, LD daily doses, tolerance, CAR-T cell dose. */
export { BSA_FORMULAS, bodySurfaceArea, duBoisBsa, mostellerBsa } from './bsa.js';
export type { BsaComponents, BsaFormula, BsaInputs, BsaResult } from './bsa.js';
export { idealBodyWeightDevineKg, WEIGHT_BASES } from './body-weight.js';
export type { WeightBasis } from './body-weight.js';
export { cockcroftGault } from './cockcroft-gault.js';
export type { CockcroftGaultComponents, CockcroftGaultForm, CockcroftGaultInputs, CockcroftGaultResult } from './cockcroft-gault.js';
export { bedsideSchwartz } from './schwartz.js';
export type { BedsideSchwartzComponents, BedsideSchwartzInputs, BedsideSchwartzResult } from './schwartz.js';
export { convertRenalFunction, RENAL_FUNCTION_METHODS, RENAL_FUNCTION_UNITS, renalFunctionFrom } from './renal-function.js';
export type { RenalFunction, RenalFunctionMethod, RenalFunctionUnit } from './renal-function.js';
export {
  FLUDARABINE_RULE_SET_IDS,
  FLUDARABINE_RULE_SETS,
  fludarabineRenalRuleSetSchema,
  fludarabineRuleSetRefSchema,
  resolveFludarabineRuleSet,
} from './fludarabine-rule-sets.js';
export type { FludarabineRenalAction, FludarabineRenalBand, FludarabineRenalRuleSet, FludarabineRuleSetId, FludarabineRuleSetRef } from './fludarabine-rule-sets.js';
export { fludarabineRenalAdjustment } from './fludarabine-renal-adjustment.js';
export type { FludarabineDecision, FludarabineRenalAdjustmentInputs, FludarabineRenalComponents, FludarabineRenalResult } from './fludarabine-renal-adjustment.js';
export { lymphodepletionDrugSchema, lymphodepletionRegimenSchema } from './lymphodepletion-regimen.schema.js';
export type { LymphodepletionDrug, LymphodepletionRegimen, LymphodepletionRegimenInput } from './lymphodepletion-regimen.schema.js';
export { lymphodepletionDoses } from './lymphodepletion-doses.js';
export type { DailyDose, DrugDoseComponents, LymphodepletionComponents, LymphodepletionDoseInputs, LymphodepletionDoses, LymphodepletionResult } from './lymphodepletion-doses.js';
export { doseTolerance } from './dose-tolerance.js';
export type { DoseToleranceCheck, DoseToleranceComponents, DoseToleranceInputs, DoseToleranceResult } from './dose-tolerance.js';
export { carTCellDose } from './cell-dose.js';
export type { AdministeredCells, CellDose, CellDoseComponents, CellDoseInputs, CellDoseResult, CellDoseTarget } from './cell-dose.js';
export type { Sex } from './inputs.js';
