import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@trialflow/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { setUpOpenApi } from './openapi.js';
import { serveWebApp } from './web/serve-web-app.js';

/** Builds the API application (not yet listening). `main.ts` and the end-to-end tests share it. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useBodyParser('json', { limit: '256kb' });
  app.set('x-powered-by', false);
  app.enableShutdownHooks();
  setUpOpenApi(app);
  serveWebApp(app, logger);
  return app;
}
