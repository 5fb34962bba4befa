import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '@trialflow/config';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { AuthGuard } from './auth.guard.js';
import { AUTH_CLOCK, AUTH_CONFIG, LOCAL_AUTH_CONFIG, OIDC_AUTH_CONFIG } from './auth.tokens.js';
import { CurrentUserController } from './current-user.controller.js';
import { ESignatures } from './e-signatures.js';
import { LocalTokenIssuer } from './local-token-issuer.js';
import { LocalUsers } from './local-users.js';
import { OidcTokenVerifier } from './oidc-token-verifier.js';
import { TokenController } from './token.controller.js';

/**
 * Authentication for the whole API (global: ESignatures can be injected anywhere). The mode decides the
 * token verifier and whether the local issuer's endpoints exist at all.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const auth = config.auth;
    const common: Provider[] = [
      { provide: AUTH_CONFIG, useValue: auth },
      { provide: AUTH_CLOCK, useValue: () => Date.now() },
      ESignatures,
      { provide: APP_GUARD, useClass: AuthGuard },
    ];
    const modeProviders: Provider[] =
      auth.mode === 'local'
        ? [{ provide: LOCAL_AUTH_CONFIG, useValue: auth }, LocalUsers, LocalTokenIssuer, { provide: AccessTokenVerifier, useExisting: LocalTokenIssuer }]
        : [{ provide: OIDC_AUTH_CONFIG, useValue: auth }, { provide: AccessTokenVerifier, useClass: OidcTokenVerifier }];
    return {
      module: AuthModule,
      global: true,
      controllers: auth.mode === 'local' ? [TokenController, CurrentUserController] : [CurrentUserController],
      providers: [...common, ...modeProviders],
      exports: [ESignatures, AccessTokenVerifier],
    };
  }
}
