import type { OpenAPIObject } from '@nestjs/swagger';
import { defaultRoles } from './auth.guard.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/**
 * Documents authentication in the OpenAPI document: the bearer scheme, which operations need it (all but
 * the @Public ones), the roles allowed (`x-roles`, from @Roles or the guard's default) and the 401/403
 * answers, so the document states the same policy the guard enforces.
 */
export function documentSecurity(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /v1/auth/token (local issuer) or from the OIDC provider.' },
  };
  document.components.schemas = {
    ...document.components.schemas,
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' } },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (Record<string, unknown> & { responses: Record<string, unknown> }) | undefined;
      if (!operation) continue;
      if (operation['x-public'] === true) {
        operation.security = [];
        continue;
      }
      operation.security = [{ bearer: [] }];
      operation['x-roles'] ??= [...defaultRoles(method)];
      operation.responses['401'] ??= { description: 'No valid access token (missing, expired, tampered): `UNAUTHENTICATED`', content: problemContent };
      operation.responses['403'] ??= { description: 'Not allowed: `ROLE_NOT_ALLOWED` (see `x-roles`) or `SITE_NOT_ALLOWED` (a site you are not bound to)', content: problemContent };
    }
  }
  return document;
}
