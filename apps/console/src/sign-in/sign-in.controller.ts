import { Body, Controller, ForbiddenException, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient, GatewayProblem, SignedOut } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { CONSOLE_SESSIONS } from '../http/console-sessions.provider';
import { ConsoleSessions } from '../http/session';
import { SignedInPerson } from '../http/signed-in';
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
  ) {}

  @Get('sign-in')
  show(@Req() req: Request, @Res() res: Response, @Query('expired') expired?: string) {
    res.type('html').send(signInPage({ csrf: this.sessions.csrf(req, res), expired: expired === '1' }).toString());
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
        .send(signInPage({ csrf: this.sessions.csrf(req, res), form, errors }).toString());
    if (missing.length > 0) return again(missing, 400);
    try {
      const signedIn = await this.gateway.call<SignInToken>(undefined, 'POST', '/v1/sign-in', { ...form, password: body.password });
      this.sessions.signIn(res, signedIn.token, signedIn.expiresIn);
      // My work sends whoever has no case list to work where their roles lead (a referrer to refer, a commissioner to their contracts).
      return res.redirect(303, '/');
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
    // The token stops working at the gateway too, not only in this browser.
    if (token) await this.gateway.call(token, 'POST', '/v1/sign-out').catch(() => undefined);
    this.sessions.signOut(res);
    res.redirect(303, '/sign-in');
  }
}
