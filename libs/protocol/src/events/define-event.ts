import { z } from 'zod';

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  /** `<service>.<aggregate>.<event>.v<N>`; never edited once published, a new version sits beside it. */
  readonly type: string;
  readonly service: string;
  readonly aggregate: string;
  readonly description: string;
  readonly schema: TSchema;
}

export type EventData<T extends EventDefinition> = z.infer<T['schema']>;

export function defineEvent<TSchema extends z.ZodType>(definition: {
  type: string;
  description: string;
  schema: TSchema;
}): EventDefinition<TSchema> {
  const match = /^([a-z]+)\.([a-z-]+)\.([a-z-]+)\.v(\d+)$/.exec(definition.type);
  if (!match) throw new Error(`Event type "${definition.type}" must look like <service>.<aggregate>.<event>.v<N>`);
  return { ...definition, service: match[1], aggregate: match[2] };
}
