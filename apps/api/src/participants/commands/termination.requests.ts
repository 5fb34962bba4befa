import { z } from 'zod';
import { commandEndpoint } from './command-endpoint.js';
import { booleanField, commandBody, dateField, expected, reasonField, textField } from './command-fields.js';

export const withdraw = commandEndpoint({
  type: 'Withdraw',
  path: 'withdrawal',
  summary: 'Record a withdrawal',
  description: 'The participant leaves the study; safety follow-up continues only if they agreed to it.',
  body: commandBody('WithdrawRequest', 'A withdrawal from the study.', {
    reason: reasonField('Why the participant withdrew.'),
    safetyFollowUpConsented: booleanField('Whether the participant agreed to continued safety follow-up.'),
    withdrawnOn: dateField('Date of the withdrawal.'),
  }),
  toData: (b) => ({ reason: b.reason, safetyFollowUpConsented: b.safetyFollowUpConsented, withdrawnOn: b.withdrawnOn }),
});

export const markLostToFollowUp = commandEndpoint({
  type: 'MarkLostToFollowUp',
  path: 'lost-to-follow-up',
  summary: 'Declare the participant lost to follow-up',
  description: 'After documented attempts to reach the participant (at least three).',
  body: commandBody('MarkLostToFollowUpRequest', 'Lost to follow-up.', {
    lastContactOn: dateField('Date of the last contact with the participant.'),
    attempts: z.number({ error: expected('a whole number') }).int('must be a whole number').min(0, 'must be 0 or more').max(1000, 'must be at most 1000').describe('Documented attempts to reach the participant since.'),
  }),
  toData: (b) => ({ lastContactOn: b.lastContactOn, attempts: b.attempts }),
});

export const recordDeath = commandEndpoint({
  type: 'RecordDeath',
  path: 'death',
  summary: 'Record the death of the participant',
  description: 'Date and cause of death; the journey ends.',
  body: commandBody('RecordDeathRequest', 'The death of the participant.', {
    diedOn: dateField('Date of death.'),
    cause: textField('Cause of death.', 2000),
  }),
  toData: (b) => ({ diedOn: b.diedOn, cause: b.cause }),
});

export const completeStudy = commandEndpoint({
  type: 'CompleteStudy',
  path: 'completion',
  summary: 'Record study completion',
  description: 'The participant completed the study: the end-of-study visit is done or missed.',
  body: commandBody('CompleteStudyRequest', 'Completion of the study.', {
    completedOn: dateField('Date of completion.'),
  }),
  toData: (b) => ({ completedOn: b.completedOn }),
});
