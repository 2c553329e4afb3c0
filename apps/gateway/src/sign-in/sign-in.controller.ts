import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ROLES, SignInBodySchema, SignInTokenViewSchema } from '@mediation/protocol';
import type { Request } from 'express';
import { Access } from '../auth/access';
import { Public } from '../auth/public.decorator';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { RateLimit } from '../throttle/rate-limit.decorator';
import { SignInUseCase } from './sign-in.use-case';
import { SignOutUseCase } from './sign-out.use-case';

/** Signing in and out with a local account; `/v1/sessions` is the mediation sessions of cases. */
@Controller('v1')
export class SignInController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly signOut: SignOutUseCase,
  ) {}

  @Post('sign-in')
  @HttpCode(201)
  @Public()
  // Per client IP, in front of the per-account lockout, so guessing across many accounts is slowed too.
  @RateLimit({ bucket: 'sign-in', limit: 'SIGN_IN_PER_MINUTE', windowMs: 60_000, by: 'ip' })
  @ApiOperation({
    problems: { 401: 'Wrong organisation, email or password (the same answer for each, and while the address waits after too many)' },
    summary:
      'Sign in with a local account: a short-lived bearer token, 15 minutes by default (after 5 wrong passwords in a row from one address, that address waits 1 minute, doubling with each further one up to an hour, and is answered as a wrong password meanwhile; 20 attempts a minute per client IP)',
    body: SignInBodySchema,
    response: { status: 201, schema: SignInTokenViewSchema },
  })
  create(@Req() req: Request, @Body() raw: unknown) {
    return this.signIn.execute(new ZodPipe(SignInBodySchema).transform(raw), req.ip ?? 'unknown');
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access({ roles: [...ROLES], scopes: [] })
  @ApiOperation({ summary: 'Sign out: the sign-in token sent stops working at once', response: { status: 204 } })
  async remove(@Req() req: Request): Promise<void> {
    await this.signOut.execute(req.headers.authorization);
  }
}
