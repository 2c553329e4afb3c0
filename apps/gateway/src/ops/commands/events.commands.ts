import { EventStreamBackup, NatsConnectionService } from '@mediation/messaging';
import { progressOnStderr } from '@mediation/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { defineCommand, required } from './command';

async function backup(app: INestApplicationContext): Promise<EventStreamBackup> {
  const nats = app.get(NatsConnectionService);
  await nats.connect();
  return new EventStreamBackup(nats);
}

const FILE = { file: { type: 'string' as const, value: '<path>', description: 'The backup file (JSON lines).', required: true } };

export const eventsExport = defineCommand({
  group: 'events',
  verb: 'export',
  summary: 'Back up the EVENTS stream to a file, in order (for restore beside a PostgreSQL dump).',
  options: FILE,
  needs: 'nats',
  parse: (values) => ({ file: required(values, 'file') }),
  run: async (app, input) => {
    const progress = progressOnStderr('events');
    const result = await (await backup(app)).export(input.file, (done, total) => progress.update(done, total));
    progress.end();
    return { lines: [`exported ${result.events} event(s) to ${input.file}`], json: result };
  },
});

export const eventsRestore = defineCommand({
  group: 'events',
  verb: 'restore',
  summary: "Publish a backup's events into this namespace's EVENTS stream, in order (an event already there is dropped by its id).",
  options: FILE,
  needs: 'nats',
  parse: (values) => ({ file: required(values, 'file') }),
  run: async (app, input) => {
    const progress = progressOnStderr('events');
    const result = await (await backup(app)).restore(input.file, (done, total) => progress.update(done, total));
    progress.end();
    return { lines: [`restored ${result.events} event(s) from ${input.file}`], json: result };
  },
});
