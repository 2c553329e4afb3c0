import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetTemplateUseCase } from './get-template.use-case';
import { ListTemplatesUseCase } from './list-templates.use-case';

@Controller()
export class TemplateRpcController {
  constructor(
    private readonly listTemplates: ListTemplatesUseCase,
    private readonly getTemplate: GetTemplateUseCase,
  ) {}

  @MessagePattern(Rpc.intake.listTemplates.subject)
  list(@Payload() raw: unknown) {
    parseRpcRequest(Rpc.intake.listTemplates, raw);
    return this.listTemplates.execute();
  }

  @MessagePattern(Rpc.intake.getTemplate.subject)
  get(@Payload() raw: unknown) {
    const { data } = parseRpcRequest(Rpc.intake.getTemplate, raw);
    return this.getTemplate.execute(data.key);
  }
}
