import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetReferralUseCase } from './get-referral.use-case';
import { SubmitReferralUseCase } from './submit-referral.use-case';

@Controller()
export class ReferralRpcController {
  constructor(
    private readonly submitReferral: SubmitReferralUseCase,
    private readonly getReferral: GetReferralUseCase,
  ) {}

  @MessagePattern(Rpc.intake.submitReferral.subject)
  submit(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.submitReferral, raw);
    return this.submitReferral.execute(meta, data);
  }

  @MessagePattern(Rpc.intake.getReferral.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getReferral, raw);
    return this.getReferral.execute(meta, data.referralId);
  }
}
