import { useRef, useState } from 'preact/hooks';
import { ApiError, newCommandId, post } from '../api/client.js';
import type { CommandAnswer } from '../api/types.js';

/**
 * Sends one journey command. The commandId is the command's idempotency key: it is kept after an answer that
 * recorded nothing and may be resent (503, no answer), so pressing the button again cannot record the fact
 * twice; it is renewed after a success or a refusal, when the next press is a new command.
 */
export function useCommand(participantId: string, path: string, onRecorded: (answer: CommandAnswer) => void | Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const commandId = useRef(newCommandId());

  async function send(body: Record<string, unknown>): Promise<CommandAnswer | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await post<CommandAnswer>(`/v1/participants/${participantId}/${path}`, { commandId: commandId.current, ...body });
      commandId.current = newCommandId();
      await onRecorded(answer);
      return answer;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!e.retryable) commandId.current = newCommandId();
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  /** A problem found before sending (e.g. a date-time that does not parse), shown like the API's. */
  function refuseLocally(field: string, message: string): void {
    setError(new ApiError({ status: 400, code: 'VALIDATION_FAILED', title: 'The request is invalid', errors: [{ field, message }] }));
  }

  return { send, busy, error, refuseLocally, clearError: () => setError(undefined) };
}
