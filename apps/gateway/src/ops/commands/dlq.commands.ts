import { DeadLetterQueue, NatsConnectionService, type DeadLetterFilter } from '@mediation/messaging';
import { progressOnStderr } from '@mediation/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { defineCommand, optional, UsageError, type OptionValues } from './command';

const FILTER_OPTIONS = {
  service: { type: 'string' as const, value: '<service>', description: 'Only the letters of this service, e.g. casework.' },
  consumer: { type: 'string' as const, value: '<durable>', description: 'Only the letters of this durable consumer, e.g. casework__events.' },
};

function filterOf(values: OptionValues): DeadLetterFilter {
  const filter = { service: optional(values, 'service'), consumer: optional(values, 'consumer') };
  for (const [name, value] of Object.entries(filter))
    if (value !== undefined && !/^[a-z][a-z0-9_-]*$/.test(value))
      throw new UsageError(`--${name} must be a service or consumer name (lower case, digits, - and _)`);
  return filter;
}

async function deadLetters(app: INestApplicationContext): Promise<DeadLetterQueue> {
  const nats = app.get(NatsConnectionService);
  await nats.connect();
  return new DeadLetterQueue(nats);
}

const scope = (filter: DeadLetterFilter) => filter.consumer ?? filter.service ?? 'every consumer';

export const dlqList = defineCommand({
  group: 'dlq',
  verb: 'list',
  summary: 'List the events consumers gave up on: which consumer, why, the event and when.',
  options: FILTER_OPTIONS,
  needs: 'nats',
  parse: filterOf,
  run: async (app, filter) => {
    const letters = await (await deadLetters(app)).list(filter);
    const lines = letters.map(
      (l) =>
        `#${l.seq}  ${l.deadLetteredAt}  ${l.consumer}  ${l.eventType ?? '(unreadable)'} ${l.eventId ?? ''}  after ${l.deliveries} deliveries: ${l.reason}`,
    );
    lines.push(letters.length === 0 ? `the DLQ is empty (${scope(filter)})` : `${letters.length} dead letter(s) (${scope(filter)})`);
    return { lines, json: letters };
  },
});

export const dlqReplay = defineCommand({
  group: 'dlq',
  verb: 'replay',
  summary: 'Put dead letters back on the subject they came from, with their own event ids, and remove them from the DLQ.',
  options: FILTER_OPTIONS,
  needs: 'nats',
  parse: filterOf,
  run: async (app, filter) => {
    const progress = progressOnStderr('letters');
    const result = await (await deadLetters(app)).replay(filter, (done, total) => progress.update(done, total));
    progress.end();
    const lines = [`replayed ${result.replayed} dead letter(s) (${scope(filter)}); consumers that handled them already skip them`];
    if (result.skipped.length > 0) lines.push(`left ${result.skipped.length} without an original subject in the DLQ: #${result.skipped.join(', #')}`);
    return { lines, json: result };
  },
});

export const dlqPurge = defineCommand({
  group: 'dlq',
  verb: 'purge',
  summary: 'Delete dead letters for good (--yes required), e.g. after replaying was judged wrong for them.',
  options: { ...FILTER_OPTIONS, yes: { type: 'boolean' as const, description: 'Confirm: the letters cannot be recovered.' } },
  needs: 'nats',
  parse: (values) => {
    if (values.yes !== true) throw new UsageError('purge deletes dead letters for good: add --yes to confirm (list them first with `dlq list`)');
    return filterOf(values);
  },
  run: async (app, filter) => {
    const result = await (await deadLetters(app)).purge(filter);
    return { lines: [`purged ${result.purged} dead letter(s) (${scope(filter)})`], json: result };
  },
});
