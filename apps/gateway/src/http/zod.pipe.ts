import { Injectable, type PipeTransform } from '@nestjs/common';
import { parseOrThrow } from '@mediation/platform';
import type { z } from 'zod';

/** Validates a body, query or params with its protocol schema; errors name each field. */
@Injectable()
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly prefix = '',
  ) {}

  transform(value: unknown): z.infer<T> {
    return parseOrThrow(this.schema, value, this.prefix);
  }
}
