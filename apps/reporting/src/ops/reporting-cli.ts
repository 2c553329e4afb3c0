import 'reflect-metadata';
import { loadConfig, BaseEnvSchema, withDevDefaults } from '@mediation/platform';
import { z } from 'zod';
import { rebuildReadModel } from '../rebuild/read-model-rebuild';

/**
 * Reporting's ops commands (`npm run cli -- reporting <command>`): they run from reporting's build and
 * touch reporting's schema only. `rebuild` replays the event stream into the KPI read model.
 */
const USAGE = [
  'Usage: mediation reporting rebuild [--json]',
  '',
  'Replays the event stream from its start into fresh KPI fact tables and swaps them in, while the live model keeps answering.',
  'Reads DATABASE_URL (the services’ login), MIGRATION_DATABASE_URL (the schema owner), NATS_URL and NATS_NAMESPACE.',
];

function bar(done: number, total: number, startedAt: number): string {
  const width = 30;
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const rate = Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  stream ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')}  ${rate.toLocaleString('en-GB')}/s`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'rebuild' || rest.some((a) => a !== '--json')) {
    process.stderr.write(`${USAGE.join('\n')}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const env = loadConfig(
    BaseEnvSchema.extend({ MIGRATION_DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/mediation') }),
    withDevDefaults(process.env),
  );
  const startedAt = Date.now();
  const tty = process.stderr.isTTY;
  let lastDrawn = 0;
  const result = await rebuildReadModel({
    databaseUrl: env.DATABASE_URL,
    ownerUrl: env.MIGRATION_DATABASE_URL,
    natsUrl: env.NATS_URL,
    namespace: env.NATS_NAMESPACE,
    progress: (done, total) => {
      // Redrawn in place on a terminal; a line a second when piped to a log.
      if (tty) process.stderr.write(`\r${bar(done, total, startedAt)}`);
      else if (Date.now() - lastDrawn > 1000) {
        lastDrawn = Date.now();
        process.stderr.write(`${bar(done, total, startedAt)}\n`);
      }
    },
  });
  if (tty) process.stderr.write('\n');
  process.stdout.write(
    rest.includes('--json')
      ? `${JSON.stringify(result)}\n`
      : `rebuilt the KPI read model from ${result.events.toLocaleString('en-GB')} events in ${result.seconds.toFixed(1)} s (${result.eventsPerSecond.toLocaleString('en-GB')} events/s)${result.skipped ? `; ${result.skipped} left out (failed their schema)` : ''}\n`,
  );
  return 0;
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
  );
