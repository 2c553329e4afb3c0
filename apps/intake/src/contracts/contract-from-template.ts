import type { ContractDefinitionInput, ContractTemplate, CreateContractBody } from '@mediation/protocol';

/** A template copied into a new contract, with what the provider gave overriding what the template had. */
export function contractFromTemplate(template: ContractTemplate, body: CreateContractBody): ContractDefinitionInput {
  // The template's period is its seed contract's (e.g. the 2021 possession pilot): a referral is refused outside
  // a contract's period, so a new contract has only the period it is given.
  const base = structuredClone(template.definition);
  delete base.period;
  // A renamed main buyer keeps the template's kind of body, not its contact or identifier: those were another body's.
  const buyers = body.buyers ?? (body.buyer ? [{ name: body.buyer, role: base.buyers[0].role }, ...base.buyers.slice(1)] : base.buyers);
  return {
    ...base,
    reference: body.reference,
    ...(body.ocid ? { ocid: body.ocid } : {}),
    title: body.title ?? base.title,
    ...(body.description !== undefined ? { description: body.description } : {}),
    buyers,
    ...(body.period ? { period: body.period } : {}),
    ...(body.value ? { value: body.value } : {}),
    ...(body.cap ? { cap: body.cap } : {}),
    origin: { template: template.key },
  };
}
