import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ProjectionLagHealthIndicator } from './projection-lag.health.js';
import { TemporalHealthIndicator } from './temporal.health.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [TemporalHealthIndicator, ProjectionLagHealthIndicator],
})
export class HealthModule {}
