import { z } from 'zod';

/**
 * Who may read an event. `public`: ids, types, times, codes and counts only, so it may leave the platform
 * for partners. `internal`: it carries an address, a name or free text, and stays between the services.
 */
export const EVENT_VISIBILITIES = ['public', 'internal'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  /** `<service>.<aggregate>.<event>.v<N>`; never edited once published, a new version sits beside it. */
  readonly type: string;
  readonly service: string;
  readonly aggregate: string;
  readonly description: string;
  readonly visibility: EventVisibility;
  readonly schema: TSchema;
}

export type EventData<T extends EventDefinition> = z.infer<T['schema']>;

export function defineEvent<TSchema extends z.ZodType>(definition: {
  type: string;
  visibility: EventVisibility;
  description: string;
  schema: TSchema;
}): EventDefinition<TSchema> {
  const match = /^([a-z]+)\.([a-z-]+)\.([a-z-]+)\.v(\d+)$/.exec(definition.type);
  if (!match) throw new Error(`Event type "${definition.type}" must look like <service>.<aggregate>.<event>.v<N>`);
  return { ...definition, service: match[1], aggregate: match[2] };
}
