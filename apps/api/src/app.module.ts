import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '@trialflow/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from './app-config.provider.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoDataModule } from './demo/demo-data.module.js';
import { HealthModule } from './health/health.module.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { QueriesModule } from './queries/queries.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { TrialsModule } from './trials/trials.module.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // The caller's X-Request-Id (when well-formed) becomes the correlation id recorded with events.
            genReqId: (req, res) => {
              const header = req.headers['x-request-id'];
              const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
            // Every line logged while serving a request carries its correlation id at the top level, under the
            // name the events' metadata gives it; the request itself (method, URL, headers) is written once, on
            // the request's own line, not again on each line logged while serving it.
            quietReqLogger: true,
            customAttributeKeys: { reqId: 'correlationId' },
            // Bearer tokens are credentials: never written to the logs.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
            // Who made the request (set by the authentication guard), on the request's log line.
            customProps: (req) => {
              const user = (req as { user?: { id: string; role: string } }).user;
              return user ? { userId: user.id, role: user.role } : {};
            },
          },
        }),
        { module: ConfigHolderModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        AuthModule.forRoot(config),
        DatabaseModule.forRoot(config),
        TemporalModule.forRoot(config),
        ParticipantsModule,
        QueriesModule,
        AuditModule,
        TrialsModule,
        HealthModule,
        DemoDataModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}

@Module({})
class ConfigHolderModule {}
