import { Body, Controller, Delete, HttpCode, Post, Req } from '@nestjs/common';
import { CreateSessionBodySchema, ROLES, SessionViewSchema } from '@mediation/protocol';
import type { Request } from 'express';
import { Access } from '../auth/access';
import { Public } from '../auth/public.decorator';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { RateLimit } from '../throttle/rate-limit.decorator';
import { SignInUseCase } from './sign-in.use-case';
import { SignOutUseCase } from './sign-out.use-case';

@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly signOut: SignOutUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Public()
  // Per client IP, in front of the per-account lockout, so guessing across many accounts is slowed too.
  @RateLimit({ bucket: 'sign-in', limit: 'SIGN_IN_PER_MINUTE', windowMs: 60_000, by: 'ip' })
  @ApiOperation({ summary: 'Sign in with a local account: a short-lived bearer token, 15 minutes by default (5 wrong passwords lock the account for 15 minutes; 20 attempts a minute per client IP)', body: CreateSessionBodySchema, response: { status: 201, schema: SessionViewSchema } })
  create(@Body() raw: unknown) {
    return this.signIn.execute(new ZodPipe(CreateSessionBodySchema).transform(raw));
  }

  @Delete('current')
  @HttpCode(204)
  @Access({ roles: [...ROLES], scopes: [] })
  @ApiOperation({ summary: 'Sign out: the sign-in token sent stops working at once', response: { status: 204 } })
  async remove(@Req() req: Request): Promise<void> {
    await this.signOut.execute(req.headers.authorization);
  }
}
