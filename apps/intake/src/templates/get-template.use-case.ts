import { Injectable } from '@nestjs/common';
import type { ContractTemplate, TemplateKey } from '@mediation/protocol';
import { findTemplate } from './template-registry';

@Injectable()
export class GetTemplateUseCase {
  execute(key: TemplateKey): ContractTemplate {
    return findTemplate(key);
  }
}
