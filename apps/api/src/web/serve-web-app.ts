import type { INestApplication, LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the API owns: never answered with the web app, so an unknown API path stays a problem-details 404. */
const API_PATHS = /^\/(v1|docs|health|\.well-known)(\/|$)/;

/**
 * The browser may only load the app's own files and talk to this API: no inline script, no third party.
 * (Preact sets styles through the CSSOM, which style-src does not govern.)
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Where `npm run build` puts the web app (Vite: `dist/web`), found from this module's own place both when it
 * runs compiled (`dist/apps/api/src/web/`) and from source (`apps/api/src/web/`, the tests).
 */
export function webAppDirectory(): string | undefined {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  return [join(up, 'web'), join(up, 'dist/web')].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the built web app (apps/web) under `/`, next to the API: its hashed assets cached for good, and
 * `index.html` for any other GET that asks for a page (the app routes in the browser: `/participants/<id>`
 * reloaded must still load the app). Without a build, the API runs on alone and says so in the log.
 */
export function serveWebApp(app: INestApplication, logger: LoggerService, directory = webAppDirectory()): void {
  if (!directory) {
    logger.warn('the web app is not built (npm run build): only the API is served', 'WebApp');
    return;
  }
  const express = app as NestExpressApplication;
  const index = join(directory, 'index.html');
  express.useStaticAssets(join(directory, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  express.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    const staticFile = /^\/[\w.-]+\.(svg|ico|png|txt|webmanifest)$/.test(request.path) ? join(directory, request.path) : undefined;
    if (staticFile && existsSync(staticFile)) return response.sendFile(staticFile, { maxAge: '1d' });
    if (!request.accepts('html')) return next();
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
