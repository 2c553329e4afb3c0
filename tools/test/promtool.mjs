// Finds or fetches Prometheus's promtool for `npm test`'s alert-rules check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Prometheus's promtool, which checks and unit-tests the alert rules: the one on the PATH's usual place, or
 * else taken out of Debian's `prometheus` package into tmp/tools without installing it, because installing
 * the package would also start a Prometheus server on the machine.
 */
export function findPromtool(root) {
  const extracted = path.join(root, 'tmp/tools/usr/bin/promtool');
  for (const candidate of [process.env.PROMTOOL_PATH, '/usr/bin/promtool', extracted]) if (candidate && existsSync(candidate)) return candidate;
  console.log("fetching promtool from Debian's prometheus package (apt-get download; nothing is installed)");
  const downloads = path.join(root, 'tmp/tools/deb');
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const download = () => spawnSync('apt-get', ['download', 'prometheus'], { cwd: downloads, stdio: 'inherit' }).status === 0;
  // A fresh machine may have no package lists yet: refresh them once, as the apt-get installs beside this do.
  if (!download()) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    spawnSync(root ? 'apt-get' : 'sudo', root ? ['update'] : ['apt-get', 'update'], { stdio: 'inherit' });
    download();
  }
  const deb = readdirSync(downloads).find((name) => name.endsWith('.deb'));
  if (deb) spawnSync('dpkg-deb', ['-x', path.join(downloads, deb), path.join(root, 'tmp/tools')], { stdio: 'inherit' });
  if (!existsSync(extracted)) console.error('\x1b[31m✗ promtool could not be fetched (apt-get download prometheus): the alert rules cannot be checked\x1b[0m');
  return extracted;
}
