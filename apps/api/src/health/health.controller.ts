import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator.js';
import { ProjectionLagHealthIndicator } from './projection-lag.health.js';
import { TemporalHealthIndicator } from './temporal.health.js';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    private readonly projectionLag: ProjectionLagHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Temporal answer, a worker polls the journey task queue, and the read models keep up',
    description:
      'Each projection\'s lag behind the event feed (events not yet applied, age in seconds of the oldest of them) must stay within PROJECTION_LAG_MAX_EVENTS and PROJECTION_LAG_MAX_SECONDS.',
  })
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      () => this.temporal.checkServer('temporal'),
      () => this.temporal.checkWorker('journeyWorker'),
      () => this.projectionLag.check('projectionLag'),
    ]);
  }
}
