import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../app-config.provider.js';

const WORKFLOW_TASK_QUEUE = 1; // temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW

/**
 * Temporal is ready when its frontend answers the gRPC health check; the journey worker is ready when it
 * polls the journey task queue. Without a worker every command would wait and end in a 503.
 */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(Connection) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async checkServer(key: string, timeoutMs = 2000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.healthService.check({}));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async checkWorker(key: string, timeoutMs = 2000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const { namespace, taskQueue } = this.config.temporal;
    try {
      const { pollers } = await this.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: WORKFLOW_TASK_QUEUE }),
      );
      return (pollers?.length ?? 0) > 0 ? indicator.up({ taskQueue, pollers: pollers?.length }) : indicator.down({ taskQueue, message: 'no worker polls the journey task queue' });
    } catch (error) {
      return indicator.down({ taskQueue, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
