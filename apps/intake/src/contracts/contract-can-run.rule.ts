import { londonDate } from '@mediation/calendar';
import type { ContractDefinition, FieldError } from '@mediation/protocol';

/** OCDS statuses of a process that did not, or no longer does, go ahead (tender, award and contract codelists). */
const DID_NOT_PROCEED: Record<'tenderStatus' | 'awardStatus' | 'contractStatus', readonly string[]> = {
  tenderStatus: ['cancelled', 'unsuccessful', 'withdrawn'],
  awardStatus: ['cancelled', 'unsuccessful'],
  contractStatus: ['cancelled', 'terminated'],
};
const WHAT = { tenderStatus: 'tender', awardStatus: 'award', contractStatus: 'contract' } as const;

/** What the published procurement says stops the contract: a cancelled tender or award, a terminated contract. */
export function procurementStops(definition: ContractDefinition): FieldError[] {
  return (Object.keys(DID_NOT_PROCEED) as (keyof typeof DID_NOT_PROCEED)[])
    .filter((key) => DID_NOT_PROCEED[key].includes(definition.procurement?.[key] ?? ''))
    .map((key) => ({
      field: `procurement.${key}`,
      code: `${WHAT[key]}-${definition.procurement![key]}`,
      message: `the OCDS record says the ${WHAT[key]} is ${definition.procurement![key]}, so there is no contract to deliver`,
    }));
}

/** A period whose last day has passed in London: every referral would be refused. */
export function periodEnded(definition: ContractDefinition, now: Date): FieldError[] {
  const end = definition.period?.end;
  if (!end || end >= londonDate(now)) return [];
  const extendable =
    definition.period?.maxEnd && definition.period.maxEnd >= londonDate(now)
      ? ` (extensions allow up to ${definition.period.maxEnd}: set period.end to the extended end)`
      : '';
  return [
    { field: 'period.end', code: 'period-ended', message: `the contract period ended on ${end}, so the contract would refuse every referral${extendable}` },
  ];
}

/** Why this version could not take referrals if published now; empty when it can. */
export function whyContractCannotRun(definition: ContractDefinition, now: Date): FieldError[] {
  return [...periodEnded(definition, now), ...procurementStops(definition)];
}
