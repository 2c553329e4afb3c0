import 'reflect-metadata';
import { loadConfig, BaseEnvSchema, progressOnStderr, withDevDefaults } from '@mediation/platform';
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
  const progress = progressOnStderr('stream');
  const result = await rebuildReadModel({
    databaseUrl: env.DATABASE_URL,
    ownerUrl: env.MIGRATION_DATABASE_URL,
    natsUrl: env.NATS_URL,
    namespace: env.NATS_NAMESPACE,
    progress: (done, total) => progress.update(done, total),
  });
  progress.end();
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
