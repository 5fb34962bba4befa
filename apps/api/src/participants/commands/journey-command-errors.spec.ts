import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { DOMAIN_REJECTION_FAILURE_TYPE } from '@trialflow/contracts';
import { journeyCommandProblem } from './journey-command-errors.js';

const rejection = (code: string, field?: string) =>
  new WorkflowUpdateFailedError(
    'refused',
    ApplicationFailure.create({ type: DOMAIN_REJECTION_FAILURE_TYPE, message: `${code} refused`, nonRetryable: true, details: [{ code, message: `${code} refused`, ...(field ? { field } : {}) }] }),
  );

describe('journey command refusals as problem details', () => {
  it('answers 409 for a command already done or a record that changed under the signer, keeping code, message and field', () => {
    expect(journeyCommandProblem(rejection('CONSENT_ALREADY_SIGNED'))?.problem).toMatchObject({ status: 409, code: 'CONSENT_ALREADY_SIGNED', title: 'Conflicts with the current state', detail: 'CONSENT_ALREADY_SIGNED refused' });
    expect(journeyCommandProblem(rejection('RECORD_CHANGED_SINCE_DISPLAYED', 'recordHash'))?.problem).toMatchObject({ status: 409, errors: [{ field: 'recordHash' }] });
  });

  it('keeps 422 for broken protocol rules and 403 for who is asking', () => {
    expect(journeyCommandProblem(rejection('ELIGIBILITY_NOT_SIGNED'))?.problem).toMatchObject({ status: 422, code: 'ELIGIBILITY_NOT_SIGNED' });
    expect(journeyCommandProblem(rejection('SITE_NOT_ALLOWED'))?.problem.status).toBe(403);
  });

  it('answers 422 JOURNEY_CLOSED when the registered participant’s journey no longer runs', () => {
    expect(journeyCommandProblem(new WorkflowNotFoundError('workflow execution already completed', 'participant-X', undefined))?.problem).toMatchObject({ status: 422, code: 'JOURNEY_CLOSED' });
  });

  it('leaves errors it does not know to the caller (they become a logged 500)', () => {
    expect(journeyCommandProblem(new Error('boom'))).toBeUndefined();
  });
});
