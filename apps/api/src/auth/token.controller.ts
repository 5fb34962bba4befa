import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { JSONWebKeySet } from 'jose';
import { problem } from '../http/problem.js';
import { jsonSchemaOf, problemResponses } from '../http/openapi-schemas.js';
import { ZodValidationPipe } from '../http/zod-validation.pipe.js';
import { accountLocked } from './auth-problems.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { LocalTokenIssuer } from './local-token-issuer.js';
import { LocalUsers } from './local-users.js';
import { Public } from './roles.decorator.js';
import { signInBodySchema, type SignInBody } from './sign-in.request.js';

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly user: AuthenticatedUser;
}

/** The local issuer's endpoints (AUTH_MODE=local only; with an OIDC provider they do not exist). */
@ApiTags('authentication')
@Public()
@Controller()
export class TokenController {
  constructor(
    private readonly users: LocalUsers,
    private readonly issuer: LocalTokenIssuer,
  ) {}

  @Post('v1/auth/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a bearer access token for a local user', operationId: 'issueToken' })
  @ApiBody({ schema: jsonSchemaOf(signInBodySchema) })
  @ApiResponse({ status: 200, description: 'Signed in: `access_token` (JWT) to send as `Authorization: Bearer …`.' })
  @problemResponses(400, 401, 429)
  async issue(@Body(new ZodValidationPipe(signInBodySchema)) body: SignInBody, @Res({ passthrough: true }) response: Response): Promise<TokenResponse> {
    const check = await this.users.checkPassword(body.username, body.password, 'sign-in');
    if (check.status === 'locked') throw accountLocked(check.retryAfterSeconds);
    if (check.status === 'invalid') {
      // One answer for an unknown name and a wrong password: the response does not reveal which names exist.
      const p = problem(401, 'INVALID_CREDENTIALS', 'Sign-in failed', 'The user name or password is wrong.');
      p.headers['WWW-Authenticate'] = 'Bearer realm="trialflow"';
      throw p;
    }
    const { token, expiresIn } = await this.issuer.issue(check.user);
    // RFC 6749 5.1: responses carrying tokens must not be cached.
    response.setHeader('Cache-Control', 'no-store');
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: check.user };
  }

  @Get('.well-known/jwks.json')
  @ApiOperation({ summary: 'Public keys that verify the access tokens of the local issuer (JWKS)', operationId: 'getJwks' })
  @ApiResponse({ status: 200, description: 'JSON Web Key Set' })
  async jwks(@Res({ passthrough: true }) response: Response): Promise<JSONWebKeySet> {
    response.setHeader('Cache-Control', 'public, max-age=300');
    return this.issuer.jwks();
  }
}
