import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { Deadline } from '@trialflow/domain';

interface Armed {
  readonly key: string;
  readonly scope: CancellationScope;
  fired: boolean;
}

/**
 * The one timer of a journey, armed for the earliest deadline. A command that leaves that deadline unchanged
 * leaves the timer alone: no cancel-and-restart per command, which keeps each command to one workflow task
 * and the history short. A moved or different deadline re-arms it.
 */
export class DeadlineTimer {
  private armed: Armed | undefined;

  arm(deadline: Deadline): { readonly fired: boolean } {
    const key = `${deadline.id}@${deadline.dueAt}`;
    if (this.armed?.key === key) return this.armed;
    this.disarm();
    const armed: Armed = { key, scope: new CancellationScope(), fired: false };
    const delay = Math.max(1, Date.parse(deadline.dueAt) - Date.now());
    void armed.scope
      .run(() => sleep(delay))
      .then(
        () => (armed.fired = true),
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
    this.armed = armed;
    return armed;
  }

  /** The timer has served (its deadline was handled) or is no longer wanted. */
  disarm(): void {
    if (this.armed && !this.armed.fired) this.armed.scope.cancel();
    this.armed = undefined;
  }
}
