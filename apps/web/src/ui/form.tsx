import type { ComponentChildren, JSX } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api/client.js';

/**
 * Forms whose validation is the API's: every bad field comes back in the problem details' `errors[].field`
 * (a path such as `height.value`), and is shown next to the input of that name, tied to it with
 * aria-describedby / aria-invalid, and listed in a summary at the top that links to each input. The
 * browser's own validation is off (novalidate) so the messages are the API's, one place for every rule.
 */
interface FormScope {
  readonly prefix: string;
  readonly errors: Record<string, string>;
}

const FormContext = createContext<FormScope>({ prefix: 'f', errors: {} });

export const fieldId = (prefix: string, name: string): string => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function useField(name: string, hint?: string) {
  const scope = useContext(FormContext);
  const id = fieldId(scope.prefix, name);
  const error = scope.errors[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

export interface CommandFormProps {
  /** Prefix of the inputs' ids; unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly guidance?: ComponentChildren;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  readonly onSubmit: () => void;
  readonly children?: ComponentChildren;
  readonly tone?: 'primary' | 'secondary';
}

export function CommandForm({ id, title, guidance, submitLabel, busy, error, onSubmit, children, tone = 'primary' }: CommandFormProps) {
  const errors = error?.fieldErrors ?? {};
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <FormContext.Provider value={{ prefix: id, errors }}>
      <form class="command-form" id={id} aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
        <h3 id={`${id}-title`}>{title}</h3>
        {guidance ? <div class="guidance">{guidance}</div> : null}
        {error ? (
          <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${id}-error-title`}>
            <p id={`${id}-error-title`} class="error-summary-title">
              {error.problem.title}
            </p>
            {error.problem.detail && !(error.problem.errors ?? []).some((e) => e.message === error.problem.detail) ? <p>{error.problem.detail}</p> : null}
            {(error.problem.errors ?? []).length > 0 ? (
              <ul>
                {(error.problem.errors ?? []).map((e) => (
                  <li key={e.field}>
                    <a href={`#${fieldId(id, e.field)}`} onClick={(ev) => focusField(ev, fieldId(id, e.field))}>
                      {e.field}: {e.message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {children}
        <div class="form-actions">
          <button type="submit" class={tone === 'primary' ? 'button-primary' : 'button-secondary'} disabled={busy} aria-busy={busy}>
            {busy ? 'Recording…' : submitLabel}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}

function focusField(event: Event, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

interface BaseFieldProps {
  /** The API's field path, e.g. `observedOn` or `height.value`. */
  readonly name: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
}

function FieldShell({ id, label, hint, error, children, class: className }: { id: string; label: string; hint?: ComponentChildren; error?: string; children: ComponentChildren; class?: string }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ name, label, hint, value, onInput, type = 'text', inputMode, autoComplete, placeholder, class: className }: BaseFieldProps & { value: string; onInput: (value: string) => void; type?: 'text' | 'password' | 'date' | 'datetime-local'; inputMode?: 'decimal' | 'numeric' | 'text'; autoComplete?: string; placeholder?: string; class?: string }) {
  const { id, error, describedBy } = useField(name, hint ? 'hint' : undefined);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} class={className}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </FieldShell>
  );
}

export function SelectField({ name, label, hint, value, onChange, options, class: className }: BaseFieldProps & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; class?: string }) {
  const { id, error, describedBy } = useField(name, hint ? 'hint' : undefined);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} class={className}>
      <select id={id} name={name} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, checked, onChange }: BaseFieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error, describedBy } = useField(name, hint ? 'hint' : undefined);
  return (
    <div class={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <input id={id} name={name} type="checkbox" checked={checked} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Errors of fields this form has no input for (e.g. a nested path), so none is lost. */
export function FieldErrorsFor({ names }: { names: readonly string[] }) {
  const { errors } = useContext(FormContext);
  const shown = Object.entries(errors).filter(([field]) => names.some((n) => field === n || field.startsWith(`${n}.`)));
  if (shown.length === 0) return null;
  return (
    <ul class="field-error">
      {shown.map(([field, message]) => (
        <li key={field}>
          {field}: {message}
        </li>
      ))}
    </ul>
  );
}

/**
 * A numeric input's value for the API: a number when it reads as one, the text as typed otherwise (the API
 * then names the field: "must be a number"), nothing when blank ("is required").
 */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : value;
}

export const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export type InputEvent = JSX.TargetedEvent<HTMLInputElement, Event>;
