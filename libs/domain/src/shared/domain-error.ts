/**
 * A broken domain rule. `code` is stable (clients and the API's problem details key on it); `field` names
 * the input that broke the rule, when there is one.
 */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type Decision<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const reject = <E>(code: string, message: string, field?: string): Decision<E> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Exhaustiveness guard for discriminated unions: a new command or event type fails to compile until handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
