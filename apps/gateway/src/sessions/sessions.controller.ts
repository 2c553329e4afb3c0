import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CreateSessionBodySchema, SessionViewSchema } from '@mediation/protocol';
import { Public } from '../auth/public.decorator';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { SignInUseCase } from './sign-in.use-case';

@Controller('v1/sessions')
export class SessionsController {
  constructor(private readonly signIn: SignInUseCase) {}

  @Post()
  @HttpCode(201)
  @Public()
  @ApiOperation({ summary: 'Sign in with a local account: a short-lived bearer token, 15 minutes by default (5 wrong passwords lock the account for 15 minutes)', body: CreateSessionBodySchema, response: { status: 201, schema: SessionViewSchema } })
  create(@Body() raw: unknown) {
    return this.signIn.execute(new ZodPipe(CreateSessionBodySchema).transform(raw));
  }
}
