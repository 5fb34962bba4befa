import { cockcroftGault } from '../../calculators/dosing/cockcroft-gault.js';
import { lymphodepletionDoses } from '../../calculators/dosing/lymphodepletion-doses.js';
import { renalFunctionFrom } from '../../calculators/dosing/renal-function.js';
import { bedsideSchwartz } from '../../calculators/dosing/schwartz.js';
import type { CalculationError } from '../../calculators/shared/calculation.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { RecordLymphodepletionDoseCalculation } from '../commands.js';
import type { LymphodepletionDosesCalculatedV1 } from '../events.js';
import type { ParticipantContext } from '../rules/protocol-of.js';
import type { ParticipantState } from '../state.js';
import { error } from './guards.js';

type Calculated = { ok: true; value: Omit<LymphodepletionDosesCalculatedV1['data'], 'entryId'> } | { ok: false; error: DomainError };

const inputError = (errors: readonly CalculationError[]): { ok: false; error: DomainError } => {
  const first = errors[0];
  return { ok: false, error: error('INVALID_DOSING_INPUT', errors.map((e) => e.message).join('; '), first?.field) };
};

/**
 * The protocol's regimen applied to this participant: renal function by the protocol's equation for the age
 * (Cockcroft-Gault, or bedside Schwartz below the paediatric age), BSA, fludarabine renal adjustment and
 * daily doses. Every calculator result is kept in the event so the doses can be re-derived, and a rule that
 * says "do not give" refuses the calculation instead of producing a number.
 */
export function calculateLymphodepletionDoses({ protocol }: ParticipantContext, state: ParticipantState, data: RecordLymphodepletionDoseCalculation['data']): Calculated {
  const { ageYears, sex } = state;
  if (ageYears === undefined) return { ok: false, error: error('AGE_REQUIRED', 'The participant’s age is needed to choose the renal function equation.', 'ageYears') };
  const { regimen, renalFunction: rules } = protocol.lymphodepletion;
  const child = ageYears < rules.paediatricBelowAgeYears;
  if (!child && sex === undefined) return { ok: false, error: error('SEX_REQUIRED', 'Cockcroft-Gault needs the participant’s sex.', 'sex') };
  const renal = child
    ? bedsideSchwartz({ ageYears, height: data.height, serumCreatinine: data.serumCreatinine })
    : cockcroftGault({ ageYears, sex: sex === 'F' ? 'female' : 'male', weight: data.weight, weightBasis: rules.weightBasis, height: data.height, serumCreatinine: data.serumCreatinine });
  if (!renal.ok) return inputError(renal.errors);
  const doses = lymphodepletionDoses({
    regimen,
    height: data.height,
    weight: data.weight,
    renalFunction: renalFunctionFrom(renal.result, 'reported'),
    convertRenalUnitWithBsa: rules.convertUnitsWithBsa,
  });
  if (!doses.ok) return inputError(doses.errors);
  const refused = doses.result.value.days.find((d) => d.status === 'do-not-give');
  if (refused && refused.status === 'do-not-give') {
    return { ok: false, error: error('LD_NOT_PERMITTED', `${refused.drug} must not be given: ${refused.reason}`, 'serumCreatinine') };
  }
  return {
    ok: true,
    value: {
      inputs: { ...data, ageYears, ...(sex === undefined ? {} : { sex }) },
      doses: doses.result.value.days.flatMap((d) => (d.status === 'give' ? [{ drug: d.drug, day: d.dayOffset, doseMg: d.doseMg }] : [])),
      calculations: [renal.result, doses.result],
    },
  };
}
