import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { FindSubmittedReferralUseCase } from './find-submitted-referral.use-case';
import { GetReferralUseCase } from './get-referral.use-case';
import { GetSensitiveAnswersUseCase } from './get-sensitive-answers.use-case';
import { ListReferralsUseCase } from './list-referrals.use-case';
import { SetLegalHoldUseCase } from './set-legal-hold.use-case';
import { SubmitReferralUseCase } from './submit-referral.use-case';

@Controller()
export class ReferralRpcController {
  constructor(
    private readonly submitReferral: SubmitReferralUseCase,
    private readonly findSubmittedReferral: FindSubmittedReferralUseCase,
    private readonly getReferral: GetReferralUseCase,
    private readonly listReferrals: ListReferralsUseCase,
    private readonly getSensitiveAnswers: GetSensitiveAnswersUseCase,
    private readonly setLegalHold: SetLegalHoldUseCase,
  ) {}

  @MessagePattern(Rpc.intake.submitReferral.subject)
  submit(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.submitReferral, raw);
    return this.submitReferral.execute(meta, data);
  }

  @MessagePattern(Rpc.intake.findSubmittedReferral.subject)
  async findSubmitted(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.findSubmittedReferral, raw);
    return { referral: await this.findSubmittedReferral.execute(meta, data) };
  }

  @MessagePattern(Rpc.intake.getReferral.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getReferral, raw);
    return this.getReferral.execute(meta, data.referralId);
  }

  @MessagePattern(Rpc.intake.listReferrals.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.listReferrals, raw);
    return this.listReferrals.execute(meta, data);
  }

  @MessagePattern(Rpc.intake.getSensitiveAnswers.subject)
  sensitiveAnswers(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getSensitiveAnswers, raw);
    return this.getSensitiveAnswers.execute(meta, data.referralId);
  }

  @MessagePattern(Rpc.intake.setLegalHold.subject)
  legalHold(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.setLegalHold, raw);
    const { referralId, ...body } = data;
    return this.setLegalHold.execute(meta, referralId, body);
  }
}
