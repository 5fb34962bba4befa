import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { allProjections, projectionLag } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../app-config.provider.js';

/** The count of events behind stops here (a bounded index walk), or just past the limit if that is higher. */
const COUNT_UP_TO = 100_000;

/**
 * The read models are ready when every projection is within the configured lag of the event feed's head:
 * fewer events behind than PROJECTION_LAG_MAX_EVENTS, and its oldest event not yet applied younger than
 * PROJECTION_LAG_MAX_SECONDS. Beyond that the roster, worklist and safety board show an out-of-date
 * picture (a stopped projector, a rebuild, a backlog after an outage), and a load balancer should know.
 */
@Injectable()
export class ProjectionLagHealthIndicator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const { maxProjectionLagEvents: maxEvents, maxProjectionLagSeconds: maxSeconds } = this.config.readiness;
    const limits = { maxEvents, maxSeconds };
    try {
      const lags = await projectionLag(this.db, allProjections.map((p) => p.name), { countUpTo: Math.max(COUNT_UP_TO, maxEvents + 1) });
      const projections = Object.fromEntries(
        lags.map((lag) => [lag.projection, { eventsBehind: lag.eventsBehind, ...(lag.eventsBehindAtLeast ? { eventsBehindAtLeast: true } : {}), secondsBehind: lag.secondsBehind }]),
      );
      const behind = lags.filter((lag) => lag.eventsBehind > maxEvents || lag.secondsBehind > maxSeconds).map((lag) => lag.projection);
      return behind.length === 0
        ? indicator.up({ limits, projections })
        : indicator.down({ limits, projections, message: `projections behind the event feed beyond the limits: ${behind.join(', ')}` });
    } catch (error) {
      return indicator.down({ limits, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
