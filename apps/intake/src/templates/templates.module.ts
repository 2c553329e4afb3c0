import { Module } from '@nestjs/common';
import { GetTemplateUseCase } from './get-template.use-case';
import { ListTemplatesUseCase } from './list-templates.use-case';
import { TemplateRpcController } from './template.rpc-controller';

@Module({
  controllers: [TemplateRpcController],
  providers: [ListTemplatesUseCase, GetTemplateUseCase],
})
export class TemplatesModule {}
