import { Controller, Get, Inject, Logger, NotFoundException, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONSOLE_CONFIG, type ConsoleConfig, type OidcClientSettings } from '../config/console.config';
import { GatewayClient, SignedOut } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { CONSOLE_SESSIONS } from '../http/console-sessions.provider';
import { ConsoleSessions } from '../http/session';
import { landingFor } from './landing';
import { OidcClient, OidcSignInError } from './oidc-client';
import { PendingSignIns } from './oidc-pending';
import { continuePage, oidcProblemPage } from './oidc.pages';

/** Where browsers reach the console: CONSOLE_URL when set (behind a proxy), else this request's own origin. */
export function consoleBase(config: Pick<ConsoleConfig, 'CONSOLE_URL'>, req: Request): string {
  return (config.CONSOLE_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
}

const STATUS = { state: 400, refused: 401, provider: 502 } as const;

/**
 * Sign-in through the organisation's OpenID Connect provider. The ID token it returns is a bearer
 * token the gateway accepts (same issuer, audience = the console's client id), so it becomes the
 * session cookie, exactly where a local sign-in's token goes.
 */
@Controller('sign-in')
@UseFilters(ConsoleErrorFilter)
export class OidcSignInController {
  private readonly logger = new Logger('console');

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly gateway: GatewayClient,
    private readonly oidc: OidcClient,
    private readonly pending: PendingSignIns,
    @Inject(CONSOLE_SESSIONS) private readonly sessions: ConsoleSessions,
  ) {}

  @Get('with/:provider')
  async start(@Req() req: Request, @Res() res: Response, @Param('provider') id: string) {
    const provider = this.provider(id);
    if (!provider) throw new NotFoundException();
    try {
      const { url, pending } = await this.oidc.start(provider, `${consoleBase(this.config, req)}/sign-in/oidc/callback`);
      this.pending.keep(res, pending);
      res.redirect(303, url);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      this.answerProblem(res, error);
    }
  }

  @Get('oidc/callback')
  async callback(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const pending = this.pending.read(req);
    this.pending.clear(res);
    const provider = pending && this.provider(pending.provider);
    try {
      if (!provider) throw new OidcSignInError('state', 'This sign-in answer is not for a sign-in started in this browser, or it has expired.');
      const signedIn = await this.oidc.finish(provider, pending, query);
      const me = await this.gateway.call<{ roles: string[] }>(signedIn.idToken, 'GET', '/v1/me');
      this.sessions.signIn(res, signedIn.idToken, Math.max(1, Math.floor((signedIn.expiresAt.getTime() - Date.now()) / 1000)));
      // A redirect here would still be part of the provider's cross-site navigation, which the Strict session cookie does not ride on.
      return res.type('html').send(continuePage(landingFor(me.roles), provider.name).toString());
    } catch (error) {
      if (error instanceof SignedOut)
        return this.answerProblem(res, new OidcSignInError('refused', `${provider!.name} signed you in, but the platform did not accept it: ${error.message}`));
      if (error instanceof OidcSignInError) return this.answerProblem(res, error);
      throw error;
    }
  }

  /** A page saying what to do; a provider that misbehaves is the operator's to see too. */
  private answerProblem(res: Response, error: OidcSignInError): void {
    if (error.kind === 'provider') this.logger.warn(`OpenID Connect sign-in failed: ${error.message}`);
    res.status(STATUS[error.kind]).type('html').send(oidcProblemPage(error).toString());
  }

  private provider(id: string): OidcClientSettings | undefined {
    return this.config.CONSOLE_OIDC_PROVIDERS.find((p) => p.id === id);
  }
}
