import { ContractTemplateSchema, type ContractTemplate, type TemplateKey } from '@mediation/protocol';
import { HOUSING_ASB_TEMPLATE } from './housing-asb.template';
import { OOCR_TEMPLATE } from './oocr.template';
import { POSSESSION_TEMPLATE } from './possession.template';
import { PRE_CMH_TEMPLATE } from './pre-cmh.template';
import { SEND_TEMPLATE } from './send.template';

/** Parsed once, at load, by the same schema a contract's definition must pass: a bad template stops the boot. */
export const TEMPLATES: ReadonlyMap<TemplateKey, ContractTemplate> = new Map(
  [HOUSING_ASB_TEMPLATE, POSSESSION_TEMPLATE, SEND_TEMPLATE, OOCR_TEMPLATE, PRE_CMH_TEMPLATE].map((template) => {
    const parsed = ContractTemplateSchema.safeParse(template);
    if (!parsed.success)
      throw new Error(`template ${template.key} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return [parsed.data.key, parsed.data] as const;
  }),
);

export function findTemplate(key: TemplateKey): ContractTemplate {
  const template = TEMPLATES.get(key);
  if (!template) throw new Error(`no template ${key}`);
  return structuredClone(template);
}
