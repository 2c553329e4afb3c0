import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { ShutdownPhase } from '@mediation/platform';
import { SubjectNames } from '@mediation/protocol';
import { parse } from 'yaml';
import { K8S_DIR, kustomizations, ofKind, render, validateAgainstSchema } from './manifests';
import { egressAllowed, ingressAllowed, ingressRules, policiesFor } from './network-policies';
import { bootConfiguration, podEnvironment, type PodEnvironment } from './pod-environment';

const ROOT = path.resolve(__dirname, '../..');
const OVERLAYS = ['single-node', 'production'];
/** User-facing: the public API, and the staff console people open in a browser. Nothing else takes traffic from outside. */
const USER_FACING = ['gateway', 'console'];

/**
 * Every service: a folder of apps/ with a main.ts, but apps/host, which runs several services in one process on one
 * machine (SERVICES=...) and is no service of its own: on Kubernetes each service is a Deployment.
 */
const SERVICES = readdirSync(path.join(ROOT, 'apps')).filter((app) => app !== 'host' && existsSync(path.join(ROOT, 'apps', app, 'src/main.ts')));

/** What an operator puts in the Secret mediation-secrets (and mediation-migration): values of the right shape, made up here. */
const key = () => randomBytes(32).toString('hex');
const SECRET_SAMPLES: Record<string, string> = {
  DATABASE_URL: 'postgresql://mediation_app:pw@db.example.internal:5432/mediation?sslmode=require',
  MIGRATION_DATABASE_URL: 'postgresql://mediation_owner:pw@db.example.internal:5432/mediation?sslmode=require',
  REDIS_URL: 'rediss://:pw@redis.example.internal:6379',
  SMTP_URL: 'smtp://user:pw@smtp.example.org:587',
  API_KEY_PEPPER: key(),
  SESSION_SIGNING_KEY: key(),
  EVIDENCE_GRANT_KEY: key(),
  DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  SURVEY_TOKEN_KEYS: key(),
  EVALUATOR_PSEUDONYM_KEY: key(),
  CONSOLE_SECRET: key(),
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: key(),
};

/** The port a URL's client connects to. */
const DEFAULT_PORTS: Record<string, number> = {
  postgresql: 5432,
  postgres: 5432,
  redis: 6379,
  rediss: 6379,
  nats: 4222,
  smtp: 587,
  smtps: 465,
  http: 80,
  https: 443,
};
/** Variables that hold a URL the service is reached at or links to, not one it connects to. */
const NOT_CONNECTED_TO = ['PUBLIC_URL'];

/** The durable consumers a service's event handlers declare: `<service>__<group>` (libs/messaging), `events` unless a handler names a group. */
function durablesOf(service: string): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : /(?<!\.spec|\.int-spec)\.ts$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
    );
  const groups = files(path.join(ROOT, 'apps', service, 'src'))
    .map((file) => readFileSync(file, 'utf8'))
    .filter((source) => /implements EventHandler\b/.test(source))
    .map((source) => /readonly group = '([^']+)'/.exec(source)?.[1] ?? 'events');
  return [...new Set(groups)].map((group) => new SubjectNames('').durable(service, group)).sort();
}

const quantity = (value: string | number): number => {
  const match = /^([\d.]+)(m|Ki|Mi|Gi)?$/.exec(String(value));
  if (!match) throw new Error(`not a quantity: ${value}`);
  const units: Record<string, number> = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, '': 1 };
  return Number(match[1]) * units[match[2] ?? ''];
};

const imageTag = (image = '') => image.slice(image.lastIndexOf(':') + 1);

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  const objects = render(overlay);
  const deployments = ofKind<IDeployment>(objects, 'Deployment');
  const policies = ofKind<INetworkPolicy>(objects, 'NetworkPolicy');
  const podLabels = (deployment: IDeployment) => deployment.spec!.template.metadata!.labels ?? {};
  const container = (deployment: IDeployment) => deployment.spec!.template.spec!.containers[0];
  const named = (service: string) => deployments.find((d) => d.metadata!.name === service)!;

  /** Each service's environment in the pod and the configuration it boots with, or why it cannot boot. */
  const pods = new Map<string, PodEnvironment & { config?: Record<string, unknown>; error?: Error }>();
  beforeAll(() => {
    for (const service of SERVICES) {
      const environment = podEnvironment(container(named(service)), objects, (secretKey) => SECRET_SAMPLES[secretKey]);
      pods.set(service, { ...environment, ...bootConfiguration(service, environment.env) });
    }
  });

  it('renders, and every object is valid against the Kubernetes and KEDA schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    const invalid = objects.flatMap((object) => {
      try {
        validateAgainstSchema(object);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(invalid).toEqual([]);
    expect(objects.filter((object) => object.kind !== 'Namespace').every((object) => object.metadata.namespace === 'mediation')).toBe(true);
  });

  it('runs every service in apps/ as a Deployment of its own image, all of one release tag', () => {
    expect(deployments.map((d) => d.metadata!.name).sort()).toEqual([...SERVICES].sort());
    for (const deployment of deployments) expect(container(deployment).image).toMatch(new RegExp(`^mediation/${deployment.metadata!.name}:`));
    expect(new Set(deployments.map((d) => imageTag(container(d).image))).size).toBe(1);
  });

  it('boots every service with only what its ConfigMaps and Secrets give it (NODE_ENV=production)', () => {
    for (const [service, pod] of pods) {
      expect({ service, problems: pod.problems, error: pod.error?.message }).toEqual({ service, problems: [], error: undefined });
      expect(pod.config).toMatchObject({ NODE_ENV: 'production' });
    }
  });

  it('keeps secrets out of the manifests: no Secret is rendered, no ConfigMap holds a key or a password, every Secret key is documented', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    for (const configMap of ofKind(objects, 'ConfigMap')) {
      for (const [name, value] of Object.entries((configMap.data ?? {}) as Record<string, string>)) {
        expect({ name, secretLooking: /KEY|SECRET|PASSWORD|TOKEN|PEPPER/.test(name) || /:\/\/[^/\s]*@/.test(value) }).toEqual({ name, secretLooking: false });
      }
    }
    const readme = readFileSync(path.join(K8S_DIR, 'README.md'), 'utf8');
    const keys = [...pods.values()].flatMap((pod) => pod.secretKeys);
    for (const { secret, key: secretKey } of keys) {
      expect({ secret, key: secretKey, documented: readme.includes(`| \`${secretKey}\` |`) }).toEqual({ secret, key: secretKey, documented: true });
    }
  });

  it('probes liveness on /health/live and readiness on /health/ready, on the port the service listens on', () => {
    for (const [service, pod] of pods) {
      const c = container(named(service));
      const ports = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      expect({ service, http: ports.http, metrics: ports.metrics }).toEqual({ service, http: pod.config!.PORT, metrics: pod.config!.METRICS_PORT });
      expect(c.livenessProbe?.httpGet).toMatchObject({ path: '/health/live', port: 'http' });
      expect(c.readinessProbe?.httpGet).toMatchObject({ path: '/health/ready', port: 'http' });
    }
  });

  it('gives every container requests and limits for CPU and memory, requests no larger than limits', () => {
    for (const deployment of deployments) {
      const { requests = {}, limits = {} } = container(deployment).resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        expect({ service: deployment.metadata!.name, resource, set: requests[resource] !== undefined && limits[resource] !== undefined }).toMatchObject({
          set: true,
        });
        expect(quantity(requests[resource])).toBeLessThanOrEqual(quantity(limits[resource]));
      }
    }
  });

  it('mounts no service-account token and runs as non-root, without privilege escalation or capabilities, on a read-only root filesystem', () => {
    const accounts = ofKind<IServiceAccount>(objects, 'ServiceAccount');
    for (const deployment of deployments) {
      const pod = deployment.spec!.template.spec!;
      const account = accounts.find((a) => a.metadata!.name === pod.serviceAccountName);
      expect({ service: deployment.metadata!.name, account: account?.automountServiceAccountToken, pod: pod.automountServiceAccountToken }).toEqual({
        service: deployment.metadata!.name,
        account: false,
        pod: false,
      });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(container(deployment).securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container(deployment).volumeMounts).toEqual(expect.arrayContaining([{ name: 'tmp', mountPath: '/tmp' }]));
    }
  });

  it("waits longer to kill a pod than it can take to stop: the preStop pause, then every shutdown phase's SHUTDOWN_TIMEOUT_MS", () => {
    const phases = Object.values(ShutdownPhase).filter((value) => typeof value === 'number').length;
    for (const [service, pod] of pods) {
      const spec = named(service).spec!.template.spec!;
      const pause = Number(
        container(named(service))
          .lifecycle?.preStop?.exec?.command?.join(' ')
          .match(/^sleep (\d+)$/)?.[1] ?? 0,
      );
      const shutdown = pause + (phases * (pod.config!.SHUTDOWN_TIMEOUT_MS as number)) / 1000;
      expect({ service, longer: spec.terminationGracePeriodSeconds! > shutdown }).toEqual({ service, longer: true });
    }
  });

  it('covers every Deployment with a PodDisruptionBudget that lets a drain take one pod at a time', () => {
    const budgets = ofKind<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
    for (const deployment of deployments) {
      const budget = budgets.filter((b) => Object.entries(b.spec!.selector!.matchLabels ?? {}).every(([k, v]) => podLabels(deployment)[k] === v));
      expect(budget).toHaveLength(1);
      expect(budget[0].spec).toMatchObject({ maxUnavailable: 1 });
    }
  });

  it(`lets only the ${USER_FACING.join(' and the ')} take traffic from outside; Prometheus reaches metrics ports only`, () => {
    const deny = policies.find((p) => Object.keys(p.spec!.podSelector.matchLabels ?? {}).length === 0 && !p.spec!.ingress && !p.spec!.egress);
    expect(deny?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    for (const deployment of deployments) {
      const service = deployment.metadata!.name!;
      const metricsPort = container(deployment).ports!.find((p) => p.name === 'metrics')!.containerPort;
      for (const rule of ingressRules(policiesFor(policies, podLabels(deployment)))) {
        for (const origin of rule.origins) {
          if (origin.kind === 'anywhere' || origin.kind === 'outside')
            expect({ service, takesOutsideTraffic: true }).toEqual({ service, takesOutsideTraffic: USER_FACING.includes(service) });
          if (origin.kind === 'namespace')
            expect({ service, namespace: origin.name, ports: rule.ports }).toEqual({ service, namespace: 'monitoring', ports: [metricsPort] });
        }
      }
    }
    for (const service of USER_FACING) {
      const port = pods.get(service)!.config!.PORT;
      expect(
        ingressRules(policiesFor(policies, podLabels(named(service)))).some(
          (r) => r.origins.some((o) => o.kind === 'anywhere') && r.ports.includes(port as number),
        ),
      ).toBe(true);
    }
  });

  it('lets each service reach what its configuration points at (PostgreSQL, Redis, NATS, SMTP, the gateway, evidence) and the gateway reach evidence', () => {
    const services = ofKind<IService>(objects, 'Service');
    for (const [service, pod] of pods) {
      const from = podLabels(named(service));
      for (const [variable, value] of Object.entries(pod.config!)) {
        if (typeof value !== 'string' || NOT_CONNECTED_TO.includes(variable) || !/^[a-z]+:\/\//.test(value)) continue;
        const url = new URL(value);
        const port = Number(url.port) || DEFAULT_PORTS[url.protocol.slice(0, -1)];
        if (!port) continue;
        const inNamespace = services.find((s) => s.metadata!.name === url.hostname);
        const target = inNamespace
          ? deployments.find((d) => Object.entries(inNamespace.spec!.selector ?? {}).every(([k, v]) => podLabels(d)[k] === v))
          : undefined;
        const targetPort = target ? container(target).ports!.find((p) => p.name === inNamespace!.spec!.ports![0].targetPort)?.containerPort : port;
        const reachable =
          egressAllowed(policies, from, targetPort!, target && podLabels(target)) &&
          (!target || ingressAllowed(policies, podLabels(target), from, targetPort!));
        expect({ service, variable, reachable }).toEqual({ service, variable, reachable: true });
      }
    }
  });

  it('gives a Service only to those that take traffic (the user-facing ones and evidence, which the gateway streams files to)', () => {
    const services = ofKind<IService>(objects, 'Service');
    expect(services.map((s) => s.metadata!.name).sort()).toEqual([...USER_FACING, 'evidence'].sort());
    for (const service of services) expect(service.spec!.ports).toEqual([expect.objectContaining({ name: 'http', targetPort: 'http' })]);
  });

  it('migrates before the release rolls out: overlays/<overlay>/migrate renders the one Job migrate-<tag>, the only holder of the owner login', () => {
    const tag = imageTag(container(deployments[0]).image);
    const stage = render(path.join(overlay, 'migrate'));
    stage.forEach(validateAgainstSchema);
    const jobs = ofKind<IJob>(stage, 'Job');
    expect(jobs.map((job) => job.metadata!.name)).toEqual([`migrate-${tag}`]);
    const pod = jobs[0].spec!.template.spec!;
    expect(pod.containers[0]).toMatchObject({ image: `mediation/platform:${tag}`, command: ['node', 'tools/db/migrate.cjs'] });
    expect(existsSync(path.join(ROOT, 'tools/db/migrate.cjs'))).toBe(true);
    expect(pod.containers[0].env).toEqual([
      { name: 'MIGRATION_DATABASE_URL', valueFrom: { secretKeyRef: { name: 'mediation-migration', key: 'MIGRATION_DATABASE_URL' } } },
    ]);
    expect(ofKind<IServiceAccount>(objects, 'ServiceAccount').find((a) => a.metadata!.name === pod.serviceAccountName)?.automountServiceAccountToken).toBe(
      false,
    );
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(egressAllowed(policies, jobs[0].spec!.template.metadata!.labels!, 5432)).toBe(true);
    expect([...pods.values()].flatMap((p) => p.secretKeys.map((s) => s.key))).not.toContain('MIGRATION_DATABASE_URL');
  });

  it('sets the EVENTS and DLQ streams’ replicas to the NATS servers it expects (1 on one node, 3 on the chart’s cluster)', () => {
    const replicas = new Set([...pods.values()].map((pod) => pod.env.NATS_STREAM_REPLICAS));
    expect(replicas).toEqual(new Set([overlay === 'production' ? '3' : '1']));
  });

  if (overlay === 'production') {
    it('scales the gateway on CPU and every consuming service on its JetStream consumer lag, casework from three replicas', () => {
      const hpas = ofKind<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
      expect(hpas.map((h) => h.spec!.scaleTargetRef.name)).toEqual(['gateway']);
      expect(hpas[0].spec!.metrics).toEqual([expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) })]);
      const scaled = ofKind<IScaledObject>(objects, 'ScaledObject');
      const consuming = SERVICES.filter((service) => durablesOf(service).length > 0);
      expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual([...consuming].sort());
      for (const object of scaled) {
        const service = object.spec.scaleTargetRef.name;
        const lagOn = object.spec.triggers.filter((t) => t.type === 'nats-jetstream' && t.metadata.stream === 'EVENTS').map((t) => t.metadata.consumer);
        expect({ service, durables: lagOn.sort() }).toEqual({ service, durables: durablesOf(service) });
        expect(object.spec.minReplicaCount).toBeGreaterThanOrEqual(service === 'casework' ? 3 : 2);
      }
      // Replicas belong to the autoscalers: a Deployment that named some would be reset to them at every apply.
      const autoscaled = new Set(['gateway', ...consuming]);
      for (const deployment of deployments)
        expect({ service: deployment.metadata!.name, replicas: autoscaled.has(deployment.metadata!.name!) ? deployment.spec!.replicas : 'n/a' }).toMatchObject({
          replicas: autoscaled.has(deployment.metadata!.name!) ? undefined : 'n/a',
        });
    });

    it("spreads each service's replicas over nodes", () => {
      for (const deployment of deployments) {
        expect(deployment.spec!.template.spec!.topologySpreadConstraints).toEqual([
          expect.objectContaining({
            topologyKey: 'kubernetes.io/hostname',
            maxSkew: 1,
            labelSelector: { matchLabels: { 'app.kubernetes.io/name': deployment.metadata!.name } },
          }),
        ]);
      }
    });
  } else {
    it('runs one replica of each service and needs neither KEDA nor a metrics server', () => {
      expect(ofKind(objects, 'ScaledObject')).toEqual([]);
      expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
      for (const deployment of deployments) expect(deployment.spec!.replicas ?? 1).toBe(1);
    });
  }
});

describe('deploy/k8s', () => {
  it('has an overlay for one node and one for production, each with its migrate/ stage, and nothing else to render', () => {
    expect(kustomizations().sort()).toEqual(OVERLAYS.flatMap((o) => [o, path.join(o, 'migrate')]).sort());
  });

  it('keeps values for the NATS chart (three servers, JetStream on volumes, the monitoring port KEDA reads) and for Redis (AOF, noeviction)', () => {
    const nats = parse(readFileSync(path.join(K8S_DIR, 'external/nats-values.yaml'), 'utf8'));
    expect(nats.config).toMatchObject({
      cluster: { enabled: true, replicas: 3 },
      jetstream: { enabled: true, fileStore: { enabled: true, pvc: { enabled: true } } },
    });
    expect(nats.service.ports.monitor.enabled).toBe(true);
    const endpoints = ofKind<IScaledObject>(render('production'), 'ScaledObject').flatMap((s) =>
      s.spec.triggers.map((t) => t.metadata.natsServerMonitoringEndpoint),
    );
    expect(new Set(endpoints)).toEqual(new Set([`nats.nats.svc.cluster.local:${nats.config.monitor.port}`]));
    const redis = parse(readFileSync(path.join(K8S_DIR, 'external/redis-values.yaml'), 'utf8'));
    expect(redis.commonConfiguration).toMatch(/^appendonly yes$/m);
    expect(redis.commonConfiguration).toMatch(/^maxmemory-policy noeviction$/m);
  });

  it('every durable consumer the platform declares is on the EVENTS stream under <service>__<group> (what KEDA reads)', () => {
    expect(durablesOf('casework')).toEqual(['casework__case-reports', 'casework__events']);
    expect(durablesOf('gateway')).toEqual([]);
    expect(durablesOf('console')).toEqual([]);
  });
});
