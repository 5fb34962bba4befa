import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentSecurity } from './auth/openapi-security.js';

export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** OpenAPI 3.1 document (request schemas generated from the zod validators) and the interactive UI. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('trialflow API')
    .setDescription(
      'Participant journeys of CAR-T trials in autoimmune disease. Commands are idempotent by `commandId`; errors are RFC 9457 problem details with a stable `code`. Every operation except health, documentation and sign-in needs `Authorization: Bearer <token>`; `x-roles` lists the roles allowed.',
    )
    .setVersion('0.1.0')
    .build();
  const document = documentSecurity(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
