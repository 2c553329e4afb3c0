import { spawn } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');

/** Runs `npm run bench` as a person would (its own database, namespace and services), with `--check`. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/bench/skeleton.bench.mjs'), ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// The bench once waited for an event no consumer read any more and reported 0 completed for weeks:
// this short run proves it still sees every referral through, not how fast.
describe('the throughput benchmark still measures', () => {
  it('a short run at 5 referrals a second sees every referral accepted, completed and acknowledged once', async () => {
    const { code, output } = await runBench(['--rate', '5', '--duration', '3', '--warmup', '0', '--drain-timeout', '60', '--check']);
    expect({ code, tail: output.split('\n').slice(-25).join('\n') }).toEqual({ code: 0, tail: expect.stringContaining('check              passed') });
    expect(output).toMatch(/drain\s+all 15 accepted referrals complete/);
  });
});
