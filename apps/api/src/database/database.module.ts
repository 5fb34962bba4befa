import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@trialflow/config';
import { migrateWithLock } from '@trialflow/event-store';
import { ParticipantRow, createTrialflowDataSource } from '@trialflow/read-models';

/** The read-model database. Migrates on start (under an advisory lock shared with the worker). */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => createTrialflowDataSource(config.databaseUrl).options,
          dataSourceFactory: async () => {
            const dataSource = createTrialflowDataSource(config.databaseUrl, { applicationName: 'trialflow-api' });
            await dataSource.initialize();
            await migrateWithLock(dataSource);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature([ParticipantRow]),
      ],
      exports: [TypeOrmModule],
    };
  }
}
