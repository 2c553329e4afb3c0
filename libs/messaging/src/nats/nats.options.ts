export interface MessagingOptions {
  /** The service's name: the RPC queue group, the CloudEvents source and the consumer prefix. */
  service: string;
  /** The service's own PostgreSQL schema, where its outbox and inbox live. */
  schema: string;
  natsUrl: string;
  /** Copies of the EVENTS and DLQ streams (NATS_STREAM_REPLICAS): set when the streams are made, and raised or lowered on a boot that asks otherwise. */
  streamReplicas?: number;
  databaseUrl: string;
  namespace: string;
  /** How long each consumer lane waits to gather a batch before handling it (see ConsumerLanes; default 0). */
  consumerLingerMs?: number;
  /** Each lane lingers only as long as its last batch took, up to consumerLingerMs (see ConsumerLanes.lingerFollowsBatches). */
  consumerLingerFollowsBatches?: boolean;
  /** How long the RPC client waits for an answer when a call names no timeout of its own (default 5 s). */
  rpcTimeoutMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * The linger of a service on the referral's critical path (intake, casework, scheduling, notify): while busy, each lane
 * waits as long as its last batch took, at most `CONSUMER_LINGER_MS` (100 ms), for more. A quiet machine's batches are
 * quick, so its latency barely moves (case visible p50 +7 ms at 10/s); a loaded one's are slow, and its batches grow.
 */
export function criticalPathLinger(configuredMs: number | undefined): Pick<MessagingOptions, 'consumerLingerMs' | 'consumerLingerFollowsBatches'> {
  return { consumerLingerMs: configuredMs ?? 100, consumerLingerFollowsBatches: true };
}

/** JetStream drops a republished event with the same id within this window; it outlasts any relay retry. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 60 * 1000;
