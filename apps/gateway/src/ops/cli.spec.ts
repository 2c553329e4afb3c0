import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli';
import { forTesting } from './commands/api-key.commands';
import { readOcdsFile } from './commands/contract.commands';

/** Runs a command line that must fail or answer before anything is booted. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('the ops CLI, before it touches any server', () => {
  it('with no command prints the commands and exits 1; with --help exits 0', async () => {
    const bare = await run();
    expect(bare.code).toBe(1);
    expect(bare.err.join('\n')).toContain('audit verify');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/org create[\s\S]*api-key revoke[\s\S]*contract import-ocds/);
  });

  it('every command has --help naming its options', async () => {
    for (const [group, verb, option] of [
      ['org', 'create', '--slug <slug>'],
      ['user', 'create', '--roles <a,b>'],
      ['user', 'update', '[--staff <id|none>]'],
      ['api-key', 'create', '[--expires <date>]'],
      ['api-key', 'revoke', '--id <uuid>'],
      ['contract', 'create', '--template <key>'],
      ['contract', 'import-ocds', '--file <path>'],
      ['contract', 'list', '--org <slug>'],
      ['audit', 'verify', '[--org <slug>]'],
      ['dlq', 'list', '[--consumer <durable>]'],
      ['dlq', 'replay', '[--service <service>]'],
      ['dlq', 'purge', '[--yes]'],
      ['events', 'export', '--file <path>'],
      ['events', 'restore', '--file <path>'],
    ]) {
      const help = await run(group, verb, '--help');
      expect({ command: `${group} ${verb}`, code: help.code }).toEqual({ command: `${group} ${verb}`, code: 0 });
      expect(help.out[0]).toContain(option);
    }
  });

  it.each([
    [['org', 'create', '--name', 'North Mediation'], 'error: --slug is required'],
    [
      ['org', 'create', '--name', 'North', '--slug', 'north', '--colour', 'blue'],
      'error: unknown option --colour for "org create" (see: mediation org create --help)',
    ],
    [['org', 'create', '--name'], 'error: --name needs a value'],
    [['org', 'create', 'north'], 'error: unexpected argument north'],
    [['org', 'rename'], 'error: unknown command "org rename"'],
    [['organisation', 'create'], 'error: unknown command "organisation"'],
    [['api-key', 'create', '--org', 'north', '--name', 'x', '--scopes', 'referrals:write,everything'], 'error: --scopes: unknown scope everything'],
    [['api-key', 'create', '--org', 'north', '--name', 'x', '--expires', 'next tuesday'], 'error: --expires must be a date like 2027-01-01'],
    [['api-key', 'revoke', '--id', '42'], 'error: --id must be an API key id (a UUID), not "42"'],
    [['contract', 'create', '--org', 'north', '--template', 'noise', '--reference', 'R-1'], 'error: --template'],
    [['contract', 'import-ocds', '--org', 'north', '--file', '/no/such/file.json'], 'error: --file: cannot read /no/such/file.json (ENOENT)'],
    [['user', 'create', '--org', 'north', '--email', 'not-an-email', '--name', 'Ann', '--roles', 'wizard'], 'error: --email must be an email address; --roles'],
    [
      ['user', 'create', '--org', 'north', '--email', 'ann@north.example', '--name', 'Ann', '--roles', 'mediator', '--staff', '42'],
      'error: --staff must be a staff profile id',
    ],
    [['user', 'update', '--org', 'north', '--email', 'ann@north.example'], 'error: give at least one of --name, --roles, --status, --contracts, --staff'],
    [['user', 'update', '--org', 'north', '--email', 'ann@north.example', '--staff', 'nobody'], 'error: --staff must be a staff profile id'],
    [['user', 'update', '--org', 'north', '--email', 'ann@north.example', '--status', 'asleep'], 'error: --status'],
    [['events', 'export'], 'error: --file is required'],
    [['dlq', 'purge', '--consumer', 'casework__events'], 'error: purge deletes dead letters for good: add --yes to confirm'],
    [['dlq', 'replay', '--consumer', 'casework.events'], 'error: --consumer must be a service or consumer name'],
  ])('%j exits 1 with one line: %s', async (argv, says) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain(says);
  });

  it('scopes are checked against the known ones and repeated scopes kept once', () => {
    expect(forTesting.parseScopes('referrals:write, referrals:read,referrals:write')).toEqual(['referrals:write', 'referrals:read']);
    expect(forTesting.parseScopes(undefined)).toBeUndefined();
    expect(() => forTesting.parseScopes(' , ')).toThrow('--scopes must name at least one scope');
  });

  it('an expiry date alone means midnight UTC, and must lie ahead', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(forTesting.parseExpiry('2027-01-01', now)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(forTesting.parseExpiry('2026-12-01T09:30:00+01:00', now)?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(() => forTesting.parseExpiry('2026-11-22', now)).toThrow('--expires must be in the future');
    expect(() => forTesting.parseExpiry('2027-02-30x', now)).toThrow('--expires must be a date');
  });

  it('reads OCDS JSON from a plain file, or from a published notice whose text ends with the JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocds-'));
    const release = { ocid: 'ocds-h6vhtk-05cfd9', tender: { title: 'Out of Court Resolution' } };
    writeFileSync(path.join(dir, 'release.json'), JSON.stringify(release));
    writeFileSync(path.join(dir, 'notice.txt'), `Notice Information\nNotice Title\nOut of Court Resolution {not json}\n${JSON.stringify(release, null, 1)}`);
    writeFileSync(path.join(dir, 'prose.txt'), 'Just a notice, no data.');
    expect(readOcdsFile(path.join(dir, 'release.json'))).toEqual(release);
    expect(readOcdsFile(path.join(dir, 'notice.txt'))).toEqual(release);
    expect(() => readOcdsFile(path.join(dir, 'prose.txt'))).toThrow('is not JSON, and no JSON document follows its text');
  });
});
