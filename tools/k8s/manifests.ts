import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** deploy/k8s: the kustomize base, its overlays and the values for the external servers. */
export const K8S_DIR = path.resolve(__dirname, '../../deploy/k8s');

/** What `kubectl kustomize` renders: plain Kubernetes objects. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Every directory with a kustomization.yaml under deploy/k8s/overlays (the overlays and their migrate/ stages). */
export function kustomizations(dir = path.join(K8S_DIR, 'overlays')): string[] {
  const here = existsSync(path.join(dir, 'kustomization.yaml')) ? [path.relative(path.join(K8S_DIR, 'overlays'), dir)] : [];
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => kustomizations(path.join(dir, entry.name)));
  return [...here, ...below];
}

/** The kubectl that renders: $KUBECTL, else the one on PATH (npm test installs Debian's kubernetes-client when there is none). */
function kubectl(): string {
  const binary = process.env.KUBECTL ?? 'kubectl';
  const probe = spawnSync(binary, ['version', '--client'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(
      `kubectl is needed to render deploy/k8s (\`kubectl kustomize\`, offline) and was not found (${binary}). ` +
        'Install it: `apt-get install kubernetes-client` (Debian), or run `npm test`, which installs it when it is missing.',
    );
  return binary;
}

/** Renders one overlay (a directory under deploy/k8s/overlays) offline with `kubectl kustomize`. */
export function render(overlay: string): K8sObject[] {
  const dir = path.join(K8S_DIR, 'overlays', overlay);
  const result = spawnSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${path.relative(process.cwd(), dir)} failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${overlay} rendered YAML that does not parse: ${doc.errors[0].message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null);
}

const load = createRequire(__filename);
/** API groups whose models are not in kubernetes-models itself. */
const CUSTOM_MODELS: Record<string, string> = { 'keda.sh': '@kubernetes-models/keda/keda.sh' };

/**
 * Checks one object against its OpenAPI schema (kubernetes-models for Kubernetes' own kinds, @kubernetes-models/keda
 * for KEDA's), offline; throws naming the object and what is wrong, or that its kind is unknown.
 */
export function validateAgainstSchema(object: K8sObject): void {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const modulePath = `${CUSTOM_MODELS[group] ?? (group ? `kubernetes-models/${group}` : 'kubernetes-models')}/${version}`;
  let Model: (new (data: unknown) => { validate(): void }) | undefined;
  try {
    Model = (load(modulePath) as Record<string, typeof Model>)[object.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) throw new Error(`${object.kind} ${object.metadata.name}: no schema for ${object.apiVersion} ${object.kind}`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
  }
}

export const ofKind = <T = K8sObject>(objects: K8sObject[], kind: string): T[] => objects.filter((object) => object.kind === kind) as T[];
