import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';

type Labels = Record<string, string>;
type Rule = NonNullable<INetworkPolicy['spec']>['ingress'] extends (infer R)[] | undefined ? R : never;
type Peer = NonNullable<Rule['from']>[number];

/** A label selector's matchLabels hold for `labels` (an empty selector selects every pod). */
export const selects = (selector: { matchLabels?: Labels } | undefined, labels: Labels): boolean =>
  Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);

/** The policies that apply to a pod with these labels. */
export const policiesFor = (policies: INetworkPolicy[], labels: Labels): INetworkPolicy[] =>
  policies.filter((policy) => selects(policy.spec?.podSelector, labels));

const portAllowed = (ports: { port?: number | string; protocol?: string }[] | undefined, port: number): boolean =>
  !ports || ports.length === 0 || ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port));

/** Where an ingress peer lets traffic come from: anywhere, outside the cluster, a namespace, or pods of this namespace. */
export function peerOrigin(
  peer: Peer | undefined,
): { kind: 'anywhere' } | { kind: 'outside' } | { kind: 'namespace'; name?: string } | { kind: 'pods'; labels: Labels } {
  if (!peer) return { kind: 'anywhere' };
  if (peer.ipBlock) return { kind: 'outside' };
  if (peer.namespaceSelector) return { kind: 'namespace', name: peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'] };
  return { kind: 'pods', labels: peer.podSelector?.matchLabels ?? {} };
}

/** Every ingress rule of these policies, each with the origins it admits (one "anywhere" when it names none) and its ports. */
export function ingressRules(policies: INetworkPolicy[]) {
  return policies.flatMap((policy) =>
    (policy.spec?.ingress ?? []).map((rule) => ({
      policy: policy.metadata?.name ?? '',
      origins: rule.from && rule.from.length > 0 ? rule.from.map(peerOrigin) : [peerOrigin(undefined)],
      ports: (rule.ports ?? []).map((p) => p.port),
    })),
  );
}

/** The pod may open a TCP connection to `port` on a pod labelled `target` (or, without `target`, outside the namespace). */
export function egressAllowed(policies: INetworkPolicy[], from: Labels, port: number, target?: Labels): boolean {
  const egress = policiesFor(policies, from).filter((policy) => policy.spec?.policyTypes?.includes('Egress'));
  return egress.some((policy) =>
    (policy.spec?.egress ?? []).some(
      (rule) =>
        portAllowed(rule.ports as { port?: number }[], port) &&
        (!rule.to ||
          rule.to.length === 0 ||
          rule.to.some((peer) => (target ? !peer.namespaceSelector && !peer.ipBlock && selects(peer.podSelector, target) : !!peer.ipBlock))),
    ),
  );
}

/** A pod labelled `from`, in this namespace, may connect to `port` on pods labelled `to`. */
export function ingressAllowed(policies: INetworkPolicy[], to: Labels, from: Labels, port: number): boolean {
  return policiesFor(policies, to)
    .filter((policy) => policy.spec?.policyTypes?.includes('Ingress'))
    .some((policy) =>
      (policy.spec?.ingress ?? []).some(
        (rule) =>
          portAllowed(rule.ports as { port?: number }[], port) &&
          (!rule.from || rule.from.length === 0 || rule.from.some((peer) => !peer.namespaceSelector && !peer.ipBlock && selects(peer.podSelector, from))),
      ),
    );
}
