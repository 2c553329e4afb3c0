import type { INestApplicationContext } from '@nestjs/common';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in the usage line, e.g. `<slug>`. */
  value?: string;
  required?: boolean;
}

/** What a command needs booted: the identity database only, also a bare JetStream connection, or NATS to call the services. */
export type CommandNeeds = 'database' | 'nats' | 'services';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandOutput {
  /** For people: a few lines. */
  lines: string[];
  /** For scripts (`--json`). */
  json: unknown;
  exitCode?: number;
}

/** One verb of the ops CLI: `<group> <verb> --option value`. */
export interface CliCommand<Input = unknown> {
  group: string;
  verb: string;
  summary: string;
  options: Record<string, OptionSpec>;
  needs: CommandNeeds;
  /** Checks the options before anything is booted; throws UsageError saying what to fix. */
  parse(values: OptionValues): Input;
  run(app: INestApplicationContext, input: Input): Promise<CommandOutput>;
}

/** A mistake on the command line: printed as one line, exit code 1. */
export class UsageError extends Error {}

export const defineCommand = <Input>(command: CliCommand<Input>): CliCommand<Input> => command;

/** A required string option, trimmed; a UsageError naming it when missing or empty. */
export function required(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

export function optional(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value`);
  return value.trim();
}

/** `a,b, c` -> ['a', 'b', 'c']. */
export const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
