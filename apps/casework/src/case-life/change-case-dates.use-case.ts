import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { CaseDatesChangedV1, type CaseView, type ChangeDatesBody, type FieldError, type FormField, type RpcMeta } from '@mediation/protocol';
import { z } from 'zod';
import { CaseworkDatabase } from '../database/casework.database';
import { caseEnvelope } from '../cases/case-event';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { CaseViewAssembler } from './case-view.assembler';

const FORMATS = { date: z.iso.date(), datetime: z.iso.datetime({ offset: true }) } as const;

/** Only the form's non-sensitive date fields are case dates: deadline rules count to or from them. */
export function dateErrors(fields: FormField[], changes: ChangeDatesBody): FieldError[] {
  const dateFields = new Map(fields.filter((f) => (f.type === 'date' || f.type === 'datetime') && f.sensitivity === 'none').map((f) => [f.key, f]));
  const known = [...dateFields.keys()].join(', ') || 'none';
  return Object.entries(changes).flatMap(([key, value]): FieldError[] => {
    const field = dateFields.get(key);
    if (!field) return [{ field: key, message: `is not a date field of this service line’s form (its date fields: ${known})`, code: 'unknown_date_field' }];
    if (!FORMATS[field.type as keyof typeof FORMATS].safeParse(value).success)
      return [{ field: key, message: field.type === 'date' ? 'must be a date, YYYY-MM-DD' : 'must be an ISO datetime with offset', code: 'invalid_format' }];
    return [];
  });
}

@Injectable()
export class ChangeCaseDatesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly book: ContractBook,
    private readonly views: CaseViewAssembler,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, changes: ChangeDatesBody): Promise<CaseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const line = await this.book.caseLine(tx, c);
      const errors = dateErrors(line.form.fields, changes);
      if (errors.length > 0) throw ProblemError.validation(errors);
      const before = (c.dates ?? {}) as Record<string, string>;
      const changed = Object.keys(changes).filter((key) => before[key] !== changes[key]);
      if (changed.length === 0) return this.views.one(tx, c);
      const dates = { ...before, ...changes };
      const updated = await this.cases.update(tx, c, { dates });
      await this.events.append(tx, {
        definition: CaseDatesChangedV1,
        data: { caseId: c.id, contractId: c.contractId, dates, changed, changedAt: this.clock.now().toISOString() },
        ...caseEnvelope(updated, meta.correlationId),
      });
      return this.views.one(tx, updated);
    });
  }
}
