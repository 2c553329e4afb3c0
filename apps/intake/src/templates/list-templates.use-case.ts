import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { TemplateListSchema } from '@mediation/protocol';
import { TEMPLATES } from './template-registry';

@Injectable()
export class ListTemplatesUseCase {
  execute(): z.infer<typeof TemplateListSchema> {
    return {
      items: [...TEMPLATES.values()].map((t) => ({
        key: t.key,
        name: t.name,
        summary: t.summary,
        serviceLines: t.definition.serviceLines.map((l) => ({ key: l.key, name: l.name })),
      })),
    };
  }
}
