import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';

/** Temporal is ready when its frontend answers the standard gRPC health check within the time limit. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(Connection) private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 2000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.healthService.check({}));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
