// A PostgreSQL cluster of the bench's own, with pg_stat_statements loaded, so statement counts need
// no restart of a shared server. Same settings that matter as the development server (fsync on,
// 128 MB shared buffers), on a free port, in a temporary directory removed afterwards.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** initdb refuses to run as root: run the cluster's commands as the `postgres` user then. */
function runner() {
  if (process.getuid?.() !== 0) return { run: (cmd, args) => execFileSync(cmd, args, { stdio: 'pipe' }), owner: null };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { run: (cmd, args) => execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }), owner: { uid, gid } };
}

/**
 * Starts the cluster and returns its URL (database `postgres`). `onCleanup` registers its stop and
 * removal; `freePort(from)` finds a port.
 */
export async function startPrivatePostgres({ onCleanup, freePort, log }) {
  const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(path.join(bin, 'initdb'))) throw new Error(`--private-postgres needs PostgreSQL's server binaries in ${bin} (set PG_BIN)`);
  const { run, owner } = runner();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const port = await freePort(55432);
  onCleanup(`private PostgreSQL in ${dir}`, () => {
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // never started, or already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });
  log(`private PostgreSQL with pg_stat_statements on port ${port} (${dir})`);
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c shared_preload_libraries=pg_stat_statements',
    '-c pg_stat_statements.track_utility=on',
    '-c max_connections=400',
    '-c shared_buffers=128MB',
    '-c fsync=on',
  ];
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings.join(' '), '-w', 'start']);
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}
