import type { DomainError } from '../../shared/domain-error.js';
import type { RecordLymphodepletionDoseCalculation } from '../commands.js';
import type { ParticipantContext } from '../rules/protocol-of.js';
import type { ParticipantState } from '../state.js';

type Calculated = { ok: true; value: { inputs: Record<string, unknown>; doses: { drug: string; day: number; doseMg: number }[]; calculations: unknown[] } } | { ok: false; error: DomainError };

// TEMPORARY: replaced by the dosing calculators (issue 4) once they land.
export function calculateLymphodepletionDoses(_context: ParticipantContext, _state: ParticipantState, data: RecordLymphodepletionDoseCalculation['data']): Calculated {
  return { ok: true, value: { inputs: data.inputs, doses: [...data.doses], calculations: [...data.calculations] } };
}
