import { Body, Controller, ForbiddenException, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';
import { GatewayClient, GatewayProblem, SignedOut } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { CONSOLE_SESSIONS } from '../http/console-sessions.provider';
import { ConsoleSessions } from '../http/session';
import { SignedInPerson } from '../http/signed-in';
import { landingFor } from './landing';
import { OidcClient } from './oidc-client';
import { consoleBase } from './oidc-sign-in.controller';
import { signedOutPage } from './oidc.pages';
import { signInPage } from './sign-in.page';

interface SignInToken {
  token: string;
  expiresIn: number;
  user: { roles: string[] };
}

/** Sign-in and sign-out: the gateway checks the password and issues the token; the console keeps it in a cookie. */
@Controller()
@UseFilters(ConsoleErrorFilter)
export class SignInController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
    @Inject(CONSOLE_SESSIONS) private readonly sessions: ConsoleSessions,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly oidc: OidcClient,
  ) {}

  @Get('sign-in')
  show(@Req() req: Request, @Res() res: Response, @Query('expired') expired?: string) {
    res
      .type('html')
      .send(signInPage({ csrf: this.sessions.csrf(req, res), expired: expired === '1', providers: this.config.CONSOLE_OIDC_PROVIDERS }).toString());
  }

  @Post('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const form = { organisation: (body.organisation ?? '').trim(), email: (body.email ?? '').trim() };
    const missing = [
      !form.organisation && { field: 'organisation', text: 'Enter your organisation' },
      !form.email && { field: 'email', text: 'Enter your email address' },
      !body.password && { field: 'password', text: 'Enter your password' },
    ].filter((e): e is { field: string; text: string } => Boolean(e));
    const again = (errors: { field: string; text: string }[], status: number) =>
      res
        .status(status)
        .type('html')
        .send(signInPage({ csrf: this.sessions.csrf(req, res), form, errors, providers: this.config.CONSOLE_OIDC_PROVIDERS }).toString());
    if (missing.length > 0) return again(missing, 400);
    try {
      const signedIn = await this.gateway.call<SignInToken>(undefined, 'POST', '/v1/sign-in', { ...form, password: body.password });
      this.sessions.signIn(res, signedIn.token, signedIn.expiresIn);
      return res.redirect(303, landingFor(signedIn.user.roles));
    } catch (error) {
      if (error instanceof GatewayProblem && error.status === 429)
        return again([{ field: 'password', text: 'Too many attempts: wait a minute, then try again' }], 429);
      // The gateway answers a wrong password (or unknown organisation or email) with 401, saying no more.
      if (error instanceof SignedOut || (error instanceof GatewayProblem && error.status < 500))
        return again([{ field: 'password', text: 'The organisation, email address or password is not right' }], 400);
      throw error;
    }
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response) {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const token = this.sessions.token(req);
    const provider = token ? this.providerOf(token) : undefined;
    // The gateway's own token stops working there too, not only in this browser; a provider's ID token is not the gateway's to revoke.
    if (token && !provider) await this.gateway.call(token, 'POST', '/v1/sign-out').catch(() => undefined);
    this.sessions.signOut(res);
    const endSession = provider && (await this.oidc.endSessionUrl(provider, `${consoleBase(this.config, req)}/sign-in`));
    // Signed in through a provider: its session ends too. A page moves on, as CSP's form-action would stop a redirect from this post.
    if (provider && endSession) return res.type('html').send(signedOutPage(endSession, provider.name).toString());
    res.redirect(303, '/sign-in');
  }

  /** The configured provider that issued this token, if it is an ID token (the gateway's own tokens name the gateway). */
  private providerOf(token: string) {
    try {
      const { iss } = decodeJwt(token);
      return this.config.CONSOLE_OIDC_PROVIDERS.find((p) => p.issuer === iss);
    } catch {
      return undefined;
    }
  }
}
