import path from 'node:path';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { K8sObject } from './manifests';

const APPS = path.resolve(__dirname, '../../apps');

/** A container's environment as its pod sees it, resolved from the rendered ConfigMaps and from Secret values the caller supplies. */
export interface PodEnvironment {
  env: Record<string, string>;
  /** Every Secret key the container reads (optional ones too), by Secret name. */
  secretKeys: { secret: string; key: string; optional: boolean }[];
  /** What a pod would fail on or what breaks the rule "configuration and secrets from references only". */
  problems: string[];
}

/**
 * Resolves `envFrom` ConfigMaps, `configMapKeyRef`s and `secretKeyRef`s the way the kubelet would. Secrets are
 * never rendered (the operator creates them), so their values come from `secretValue`; an optional reference
 * counts as absent, so a variable the service needs can never hide behind one.
 */
export function podEnvironment(container: IContainer, objects: K8sObject[], secretValue: (key: string) => string | undefined): PodEnvironment {
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, (o.data ?? {}) as Record<string, string>]));
  const env: Record<string, string> = {};
  const secretKeys: PodEnvironment['secretKeys'] = [];
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef ? configMaps.get(source.configMapRef.name ?? '') : undefined;
    if (source.secretRef) problems.push(`envFrom a whole Secret (${source.secretRef.name}): name each key instead`);
    else if (!data) problems.push(`envFrom ConfigMap ${source.configMapRef?.name} is not in the overlay`);
    else Object.assign(env, data);
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (!from) {
      problems.push(`${variable.name} is a literal value; configuration comes from ConfigMaps and Secrets only`);
    } else if (from.configMapKeyRef) {
      const value = configMaps.get(from.configMapKeyRef.name ?? '')?.[from.configMapKeyRef.key];
      if (value === undefined) problems.push(`${variable.name}: ConfigMap ${from.configMapKeyRef.name} has no key ${from.configMapKeyRef.key}`);
      else env[variable.name] = value;
    } else if (from.secretKeyRef) {
      const { name = '', key, optional = false } = from.secretKeyRef;
      secretKeys.push({ secret: name, key, optional });
      const value = optional ? undefined : secretValue(key);
      if (!optional && value === undefined) problems.push(`${variable.name}: no sample value for Secret key ${key}`);
      if (value !== undefined) env[variable.name] = value;
    } else {
      problems.push(`${variable.name} comes from neither a ConfigMap nor a Secret`);
    }
  }
  return { env, secretKeys, problems };
}

/** What a service makes of an environment at boot: its parsed configuration, or the error that stops it. */
export type Boot = { config: Record<string, unknown>; error?: undefined } | { config?: undefined; error: Error };

/**
 * Boots a service's configuration exactly as its main.ts does, with `env` as the whole process environment:
 * `load<Service>Config()` from apps/<service>/src/config/<service>.config.ts, then its root module's `register(config)`,
 * where feature modules read variables of their own (casework's and reporting's job queues read REDIS_URL there).
 * Fresh modules each time: some schemas are chosen when the module loads (production or not).
 */
export function bootConfiguration(service: string, env: Record<string, string>): Boot {
  const saved = process.env;
  let boot: Boot = { error: new Error('not booted') };
  process.env = { ...env };
  try {
    jest.isolateModules(() => {
      try {
        const loaders = jest.requireActual<Record<string, unknown>>(path.join(APPS, service, 'src/config', `${service}.config.ts`));
        const loader = Object.entries(loaders).find(([name]) => name.toLowerCase() === `load${service}config`)?.[1] as () => Record<string, unknown>;
        const modules = jest.requireActual<Record<string, { register?: (config: unknown) => unknown }>>(path.join(APPS, service, 'src/app.module.ts'));
        const root = Object.values(modules).find((candidate) => typeof candidate?.register === 'function');
        if (!loader || !root) throw new Error(`apps/${service}: no load${service}Config or root module with register()`);
        const config = loader();
        root.register!(config);
        boot = { config };
      } catch (error) {
        boot = { error: error as Error };
      }
    });
  } finally {
    process.env = saved;
  }
  return boot;
}
