import type { TimelineEntry } from '../../../api/types.js';

interface Measured {
  readonly value: number;
  readonly unit: string;
}

interface Calculation {
  readonly calculator: string;
  readonly algorithmVersion?: string;
  readonly value: unknown;
  readonly components?: Record<string, unknown>;
}

interface DrugComponent {
  readonly drug: string;
  readonly standardMgPerM2: number;
  readonly roundedDailyMg: number;
  readonly unroundedDailyMg: number;
  readonly decision?: { readonly kind: string; readonly doseMgPerM2?: number; readonly reductionPercent?: number };
  readonly renal?: { readonly band: string; readonly ruleSetId: string; readonly comparedValue: number; readonly comparedUnit: string };
}

const measured = (m: unknown): string => (m && typeof m === 'object' && 'value' in m ? `${(m as Measured).value} ${(m as Measured).unit}` : '—');

/**
 * The calculated lymphodepletion doses with everything they came from (the event's inputs and each
 * calculator's version and intermediate values), so the person giving the drug can check the arithmetic.
 */
export function LdCalculationView({ entry }: { entry: TimelineEntry }) {
  const data = entry.data as { inputs: Record<string, unknown>; doses: { drug: string; day: number; doseMg: number }[]; calculations: Calculation[] };
  const regimen = data.calculations.find((c) => c.calculator.startsWith('dosing.lymphodepletion'));
  const renal = data.calculations.find((c) => c.calculator.startsWith('renal.'));
  const bsa = (regimen?.components?.bsa ?? {}) as { formula?: string; reportedM2?: number; capApplied?: boolean };
  const drugs = ((regimen?.components?.drugs ?? []) as DrugComponent[]).reduce<Record<string, DrugComponent>>((acc, d) => ({ ...acc, [d.drug]: d }), {});
  return (
    <div class="ld-calculation" data-testid="ld-calculation">
      <h4>Calculated doses</h4>
      <dl class="facts">
        <div>
          <dt>Height</dt>
          <dd>{measured(data.inputs.height)}</dd>
        </div>
        <div>
          <dt>Weight</dt>
          <dd>{measured(data.inputs.weight)}</dd>
        </div>
        <div>
          <dt>Serum creatinine</dt>
          <dd>{measured(data.inputs.serumCreatinine)}</dd>
        </div>
        <div>
          <dt>Measured on</dt>
          <dd>{String(data.inputs.measuredOn ?? '—')}</dd>
        </div>
        <div>
          <dt>Body surface area</dt>
          <dd>
            {bsa.reportedM2 ?? '—'} m² <span class="muted small">({bsa.formula ?? 'formula'}{bsa.capApplied ? ', capped' : ''})</span>
          </dd>
        </div>
        <div>
          <dt>Renal function</dt>
          <dd>
            {typeof renal?.value === 'number' ? `${renal.value} ${String(renal.components?.unit ?? '')}` : '—'} <span class="muted small">({renal?.calculator.replace('renal.', '') ?? '—'})</span>
          </dd>
        </div>
      </dl>
      <table class="table compact">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Drug</th>
            <th scope="col">mg/m²</th>
            <th scope="col">Dose</th>
            <th scope="col">Adjustment</th>
          </tr>
        </thead>
        <tbody>
          {data.doses.map((d) => {
            const c = drugs[d.drug];
            return (
              <tr key={`${d.drug}:${d.day}`}>
                <td>D{d.day}</td>
                <td>{d.drug}</td>
                <td>{c?.decision?.doseMgPerM2 ?? c?.standardMgPerM2 ?? '—'}</td>
                <td>
                  <strong>{d.doseMg} mg</strong>
                </td>
                <td class="small">{c?.renal ? `${c.decision?.kind ?? ''} (CrCl ${c.renal.comparedValue} ${c.renal.comparedUnit}, band ${c.renal.band}, ${c.renal.ruleSetId})` : (c?.decision?.kind ?? '—')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted small">
        {data.calculations.map((c) => `${c.calculator} v${c.algorithmVersion ?? '?'}`).join(' · ')}
      </p>
    </div>
  );
}
