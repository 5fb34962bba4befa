import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DOMAIN_REJECTION_FAILURE_TYPE } from '@trialflow/contracts';
import type { DomainError } from '@trialflow/domain';
import { fieldErrors } from '../../http/zod-validation.pipe.js';
import { importedParticipantId, importRegistrationCommandId, importRequestOf } from './import-entries.js';
import { importParticipantBodySchema } from './import-participant.request.js';
import { importProblem, requestFieldOf } from './import-problems.js';

const investigator = { id: 'investigator.a', name: 'Dr Ines Vogel', role: 'investigator' };
const admin = { id: 'admin.a', name: 'Ada Admin', role: 'admin' } as const;

const body = (entries: unknown[]) => ({
  importId: randomUUID(),
  participantCode: 'IMP-001',
  cohortId: 'SLE',
  siteId: 'DEMO-01',
  registeredAt: '2026-01-05T09:00:00Z',
  reason: 'Migrated from the legacy EDC',
  password: 'secret',
  entries,
});
const signature = (extra: Record<string, unknown> = {}) => ({
  at: '2026-01-06T09:00:00+08:00',
  actor: investigator,
  type: 'SignEligibility',
  body: { commandId: randomUUID(), meaning: 'I confirm the participant is eligible', recordHash: 'a'.repeat(64), ...extra },
});
const fieldsOf = (input: unknown) => {
  const parsed = importParticipantBodySchema.safeParse(input);
  return parsed.success ? [] : fieldErrors(parsed.error, '', 'bracketed').map((e) => e.field);
};

describe('import request', () => {
  it("validates each entry's body with its command endpoint's own schema, naming entries[i]", () => {
    const visit = { at: '2026-01-07T09:00:00Z', actor: investigator, type: 'CompleteVisit', body: { commandId: randomUUID(), visitId: 'D7', actualDate: '7 January', assessments: [] } };
    expect(fieldsOf(body([signature(), visit]))).toEqual(['entries[1].body.actualDate']);
    expect(fieldsOf(body([{ ...visit, type: 'ReachDeadline' }]))).toEqual(['entries[0].type']);
    expect(fieldsOf(body([{ ...visit, actor: { ...investigator, role: 'admin' } }]))).toEqual(['entries[0].actor.role', 'entries[0].body.actualDate']);
    expect(fieldsOf(body([]))).toEqual(['entries']);
  });

  it("takes an e-signed entry without the signer's password (and refuses one with it), sent as re-authenticated", () => {
    expect(fieldsOf(body([signature({ password: 'the signer’s' })]))).toEqual(['entries[0].body.password']);
    const parsed = importParticipantBodySchema.parse(body([signature()]));
    const participantId = importedParticipantId('IMP-001');
    const request = importRequestOf(parsed, { trialId: 'ucart-cd19-bcma', participantId, importedBy: admin, correlationId: 'req-1' });
    expect(request.entries.map((e) => [e.at, e.command.type, e.command.actor])).toEqual([
      ['2026-01-05T09:00:00Z', 'RegisterParticipant', { ...admin, siteId: 'DEMO-01' }],
      ['2026-01-06T09:00:00+08:00', 'SignEligibility', { ...investigator, siteId: 'DEMO-01' }],
    ]);
    expect(request.entries[0]!.command).toMatchObject({ commandId: importRegistrationCommandId(parsed.importId), data: { participantId, participantCode: 'IMP-001', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01' } });
    expect(request.entries[1]!.command.data).toEqual({ meaning: 'I confirm the participant is eligible', recordHash: 'a'.repeat(64), reauthenticated: true });
    expect(request).toMatchObject({ importId: parsed.importId, importedBy: admin, reason: 'Migrated from the legacy EDC' });
  });

  it('derives the same participant id for a code and the same registration id for an import, every time', () => {
    expect(importedParticipantId('IMP-001')).toBe(importedParticipantId('IMP-001'));
    expect(importedParticipantId('IMP-001')).not.toBe(importedParticipantId('IMP-002'));
    expect(importedParticipantId('IMP-001')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const importId = randomUUID();
    expect(importRegistrationCommandId(importId)).toBe(importRegistrationCommandId(importId));
  });

  it("names a journey refusal by the client's fields: the registration by its top-level fields, entry i+1 as entries[i]", () => {
    expect(
      ['entries[0].at', 'entries[0].command.data.cohortId', 'entries[3].command.data.visitDate', 'entries[1].command.type', 'entries[2].command.commandId', 'entries[2].command', 'entries[4].at', 'reason', 'commandId'].map(requestFieldOf),
    ).toEqual(['registeredAt', 'cohortId', 'entries[2].body.visitDate', 'entries[0].type', 'entries[1].body.commandId', 'entries[1]', 'entries[3].at', 'reason', 'importId']);
  });

  it('answers a refused entry 422 (even for rules a live command answers 403 or 409), a code with a journey 409, and a store behind 503 with the importId to resend', () => {
    const refusal = (error: DomainError) => importProblem(new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type: DOMAIN_REJECTION_FAILURE_TYPE, details: [error] })))!;
    expect(refusal({ code: 'INVESTIGATOR_REQUIRED', message: 'Entry 4 (SignEligibility, c, at t): Only an investigator can sign this decision.', field: 'entries[4].command' }).problem).toMatchObject({
      status: 422,
      code: 'INVESTIGATOR_REQUIRED',
      detail: 'entries[3] (SignEligibility, c, at t): Only an investigator can sign this decision.',
      errors: [{ field: 'entries[3]' }],
    });
    expect(refusal({ code: 'ALREADY_INFUSED', message: 'x', field: 'entries[9].command' }).problem).toMatchObject({ status: 422, errors: [{ field: 'entries[8]' }] });
    for (const existing of [
      { code: 'PARTICIPANT_ID_MISMATCH', message: 'x', field: 'entries[0].command.data.participantId' },
      { code: 'IMPORT_OUT_OF_ORDER', message: 'x', field: 'entries[0].at' },
    ]) {
      expect(refusal(existing).problem).toMatchObject({ status: 409, code: 'PARTICIPANT_ALREADY_REGISTERED', errors: [{ field: 'participantCode' }] });
    }
    expect(refusal({ code: 'IMPORT_OUT_OF_ORDER', message: 'x', field: 'entries[2].at' }).problem).toMatchObject({ status: 422, errors: [{ field: 'entries[1].at' }] });
    const behind = refusal({ code: 'STORE_BEHIND', message: 'The event store is behind.' });
    expect([behind.problem.status, behind.headers['Retry-After']]).toEqual([503, '5']);
    expect(behind.problem.detail).toContain('same importId');
  });
});
