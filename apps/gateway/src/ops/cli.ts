import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, ProblemError } from '@mediation/platform';
import { parseArgs } from 'node:util';
import { loadGatewayConfig } from '../config/gateway.config';
import { apiKeyCreate, apiKeyRevoke } from './commands/api-key.commands';
import { auditVerify } from './commands/audit.commands';
import { cliModule } from './commands/cli.module';
import { UsageError, type CliCommand, type OptionValues } from './commands/command';
import { contractCreate, contractImportOcds, contractList } from './commands/contract.commands';
import { dlqList, dlqPurge, dlqReplay } from './commands/dlq.commands';
import { eventsExport, eventsRestore } from './commands/events.commands';
import { orgCreate } from './commands/org.commands';
import { userCreate, userUpdate } from './commands/user.commands';

/** Every command of the ops CLI, in the order `--help` lists them (each with its own input type, hence `any`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: CliCommand<any>[] = [
  orgCreate,
  userCreate,
  userUpdate,
  apiKeyCreate,
  apiKeyRevoke,
  contractCreate,
  contractImportOcds,
  contractList,
  auditVerify,
  dlqList,
  dlqReplay,
  dlqPurge,
  eventsExport,
  eventsRestore,
];

const PROGRAM = 'mediation';
const COMMON = {
  json: { type: 'boolean' as const, description: 'Print the result as JSON, for scripts.' },
  help: { type: 'boolean' as const, short: 'h', description: 'Show this help.' },
};

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

function overview(): string[] {
  const width = Math.max(...COMMANDS.map((c) => `${c.group} ${c.verb}`.length));
  return [
    `Usage: ${PROGRAM} <command> [options]     (npm run cli -- <command>, or node tools/cli/mediation.mjs <command>)`,
    '',
    'Operate the mediation platform: organisations, people, API keys, contracts, the audit trail, the DLQ and backups of the event stream.',
    'It reads DATABASE_URL, NATS_URL and NATS_NAMESPACE like the gateway does.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${`${c.group} ${c.verb}`.padEnd(width)}  ${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for its options.`,
  ];
}

function usage(command: CliCommand<unknown>): string[] {
  const options = Object.entries(command.options);
  const synopsis = options.map(([name, spec]) => {
    const part = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return spec.required ? part : `[${part}]`;
  });
  const rows = [
    ...options.map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, `${spec.description}${spec.required ? ' (required)' : ''}`]),
    ['--json', COMMON.json.description],
    ['-h, --help', COMMON.help.description],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `Usage: ${PROGRAM} ${command.group} ${command.verb} ${synopsis.join(' ')} [--json]`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ];
}

/** node:util parseArgs errors, said shortly and with the way to the help. */
function argumentError(command: CliCommand<unknown>, error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const name = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
  const help = `(see: ${PROGRAM} ${command.group} ${command.verb} --help)`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${name ?? ''} for "${command.group} ${command.verb}" ${help}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`${name ?? 'an option'} needs a value ${help}`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return new UsageError(`unexpected argument ${(error as Error).message.match(/'([^']+)'/)?.[1] ?? ''}: give values with their --option ${help}`);
  return new UsageError(`${(error as Error).message} ${help}`);
}

/** One line saying what went wrong and, where it can, what to fix. */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ConfigError) return `invalid environment: ${error.problems.join('; ')}`;
  if (error instanceof ProblemError) {
    const { problem } = error;
    const fields = problem.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
    return `${problem.detail ?? problem.title}${fields ? ` (${fields})` : ''}`;
  }
  const message = (error as Error)?.message ?? String(error);
  if (/ECONNREFUSED|connect ECONN|Can't reach database|database .* does not exist/i.test(message))
    return `cannot reach a server: ${message.split('\n').find((l) => l.trim()) ?? message}; is it running, and are DATABASE_URL and NATS_URL right?`;
  return message.split('\n').find((line) => line.trim()) ?? 'unknown error';
}

/** Runs one command line; resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [group, verb, ...rest] = argv;
  if (!group || group === '--help' || group === '-h' || group === 'help') {
    for (const line of overview()) (group ? io.out : io.err)(line);
    return group ? 0 : 1;
  }
  const inGroup = COMMANDS.filter((c) => c.group === group);
  if (inGroup.length === 0) {
    io.err(`error: unknown command "${group}"; the commands are: ${[...new Set(COMMANDS.map((c) => c.group))].join(', ')} (see: ${PROGRAM} --help)`);
    return 1;
  }
  const command = inGroup.find((c) => c.verb === verb);
  if (!command) {
    const help = verb === '--help' || verb === '-h';
    if (!help)
      io.err(
        `error: ${verb ? `unknown command "${group} ${verb}"` : `"${group}" needs a command`}; try: ${inGroup.map((c) => `${group} ${c.verb}`).join(', ')}`,
      );
    if (help) for (const c of inGroup) io.out(`  ${group} ${c.verb}  ${c.summary}`);
    return help ? 0 : 1;
  }
  try {
    let values: OptionValues;
    try {
      const options = Object.fromEntries(Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type }]));
      values = parseArgs({ args: rest, options: { ...options, ...COMMON }, strict: true, allowPositionals: false }).values as OptionValues;
    } catch (error) {
      throw argumentError(command, error);
    }
    if (values.help) {
      for (const line of usage(command)) io.out(line);
      return 0;
    }
    const input = command.parse(values);
    const config = loadGatewayConfig();
    const app = await NestFactory.createApplicationContext(cliModule(config, command.needs), { logger: false, abortOnError: false });
    try {
      const output = await command.run(app, input);
      if (values.json) io.out(JSON.stringify(output.json, null, 2));
      else for (const line of output.lines) io.out(line);
      return output.exitCode ?? 0;
    } finally {
      await app.close().catch(() => undefined);
    }
  } catch (error) {
    io.err(`error: ${describeError(error)}`);
    return 1;
  }
}

if (require.main === module) {
  // `mediation … | head` closes the pipe early; that is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : undefined));
  runCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) }).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`error: ${describeError(error)}\n`);
      process.exit(1);
    },
  );
}
