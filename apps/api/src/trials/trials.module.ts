import { Module } from '@nestjs/common';
import { TrialsController } from './trials.controller.js';

/** Reference data of the trials (protocols as data), scoped to the reader's sites. */
@Module({ controllers: [TrialsController] })
export class TrialsModule {}
