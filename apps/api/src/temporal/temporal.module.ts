import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@trialflow/config';

/** Temporal client for the API. The classes themselves are the injection tokens. */
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      providers: [
        // Lazy: the API starts (and reports not-ready) even while Temporal is still coming up.
        { provide: Connection, useFactory: () => Connection.lazy({ address: config.temporal.address }) },
        { provide: Client, inject: [Connection], useFactory: (connection: Connection) => new Client({ connection, namespace: config.temporal.namespace }) },
      ],
      exports: [Connection, Client],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
