import { spawn } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');

/** Runs a benchmark as a person would (its own database, namespace and services), e.g. with `--check`. */
function runBench(args: string[], script = 'tools/bench/skeleton.bench.mjs'): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
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
  it('a short run at 5 referrals a second, casework in two replicas, sees every referral accepted, completed and acknowledged once, and how the replicas split the events', async () => {
    const { code, output } = await runBench([
      '--rate',
      '5',
      '--duration',
      '3',
      '--warmup',
      '0',
      '--drain-timeout',
      '60',
      '--replicas',
      'casework=2',
      '--check',
    ]);
    expect({ code, tail: output.split('\n').slice(-25).join('\n') }).toEqual({ code: 0, tail: expect.stringContaining('check              passed') });
    expect(output).toMatch(/drain\s+all 15 accepted referrals complete/);
    // The split was read from each replica's /metrics (it once scraped the API port and printed 0% for every replica):
    // between them they handled at least each referral's referral.received and its acknowledgement's delivery.sent.
    const split = /casework\s+casework (\d+) events \(\d+%\)[^;\n]*; casework#2 (\d+) events \(\d+%\)/.exec(output);
    expect(split).not.toBeNull();
    expect(Number(split![1]) + Number(split![2])).toBeGreaterThanOrEqual(30);
  });
});

// `--together 2` measures the services in two shared processes (apps/host): its CPU and memory per process, not per service.
describe('the throughput benchmark still measures services that share processes', () => {
  it('a short run with --together 2 sees every referral through and names each shared process in its CPU and memory lines', async () => {
    const { code, output } = await runBench(['--rate', '5', '--duration', '3', '--warmup', '0', '--drain-timeout', '60', '--together', '2', '--check']);
    expect({ code, tail: output.split('\n').slice(-25).join('\n') }).toEqual({ code: 0, tail: expect.stringContaining('check              passed') });
    expect(output).toMatch(/cpu ms \/ referral .*gateway\+intake \d/);
    expect(output).toMatch(/cpu ms \/ referral .*casework\+scheduling\+evidence\+billing\+reporting\+notify\+webhooks \d/);
    expect(output).toMatch(/idle memory\s+gateway\+intake \d+ MB, casework\+scheduling\+evidence\+billing\+reporting\+notify\+webhooks \d+ MB, console \d+ MB/);
  });
});

// The webhooks bench counts every (event, endpoint) pair at its receiver: a short run proves it still does, and that
// the dispatcher loses and repeats none, the slow endpoint's included (not how fast).
describe('the webhooks delivery benchmark still measures', () => {
  it('a short run of 2 events a second to 50 endpoints, one slow, delivers every pair once', async () => {
    const { code, output } = await runBench(
      ['--rate', '2', '--duration', '3', '--slow-ms', '2000', '--drain-timeout', '90', '--check'],
      'tools/bench/webhooks.bench.mjs',
    );
    expect({ code, tail: output.split('\n').slice(-12).join('\n') }).toEqual({ code: 0, tail: expect.stringContaining('check              passed') });
    expect(output).toMatch(/lost \/ duplicated\s+0 lost to the others, 0 not \(yet\) at the slow one, 0 duplicated/);
  });
});

// The reporting bench compares the service's KPIs with one raw SQL aggregate and times the rebuild: a short run proves
// the two still agree on a month that measured something and that the rebuild still turns every event into its fact.
describe('the reporting benchmark still measures', () => {
  it('a short run of 3,000 cases and 2,000 events gives the same figures both ways and rebuilds every event', async () => {
    const { code, output } = await runBench(['--cases', '3000', '--events', '2000', '--runs', '1', '--check'], 'tools/bench/reporting.bench.mjs');
    expect({ code, tail: output.split('\n').slice(-6).join('\n') }).toEqual({ code: 0, tail: expect.stringContaining('check              passed') });
    expect(output).toMatch(/same figures both ways\s+yes/);
    expect(output).toMatch(/facts after the rebuild: 500 cases, 500 deadlines met, 500 closures \(every event\)/);
  });
});
