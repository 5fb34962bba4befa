import type { Decision, DomainError } from '../shared/domain-error.js';

/**
 * Given/when/then for deciders (in the style of Emmett's DeciderSpecification): given past events, when a
 * command is decided at an instant, then exactly these events, or this error. Pure; for tests only.
 */
export function deciderSpecification<S, C, E>(decider: {
  decide: (state: S, command: C, now: Date) => Decision<E>;
  evolve: (state: S, event: E) => S;
  initialState: S;
}) {
  return {
    given: (...history: E[]) => ({
      when: (command: C, now: Date) => {
        const state = history.reduce(decider.evolve, decider.initialState);
        const decision = decider.decide(state, command, now);
        return {
          then(expected: readonly E[]): void {
            if (!decision.ok) throw new Error(`expected events, got error ${decision.error.code}: ${decision.error.message}`);
            expect(decision.events).toEqual(expected);
          },
          thenRejects(expected: Partial<DomainError>): void {
            if (decision.ok) throw new Error(`expected rejection ${expected.code}, got events ${JSON.stringify(decision.events)}`);
            expect(decision.error).toMatchObject(expected);
          },
        };
      },
    }),
  };
}
