import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuditTrail } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { AuditRecordsReader } from './audit-records.reader.js';
import { ParticipantExportsController } from './exports/participant-exports.controller.js';
import { TrialExportsController } from './exports/trial-exports.controller.js';
import { ParticipantStateAsOfController } from './state/participant-state-as-of.controller.js';
import { ParticipantTimelineController } from './timeline/participant-timeline.controller.js';
import { ParticipantVerificationController } from './verification/participant-verification.controller.js';
import { WorkflowHistoryReader } from './verification/workflow-history.reader.js';

/** The auditor's endpoints: timeline, state as of an instant, verification, exports. All read-only. */
@Module({
  controllers: [ParticipantTimelineController, ParticipantStateAsOfController, ParticipantVerificationController, ParticipantExportsController, TrialExportsController],
  providers: [AuditRecordsReader, WorkflowHistoryReader, { provide: AuditTrail, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new AuditTrail(dataSource) }],
})
export class AuditModule {}
