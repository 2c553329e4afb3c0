import { randomBytes } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';

/**
 * What a key's log holds now: the requests counted in the last window, and the milliseconds until the oldest of
 * them leaves it (the whole window when it is empty).
 */
export interface LogReading {
  count: number;
  untilOldestLeavesMs: number;
}

/** Drops what is a window old and reads the count, on Redis's clock so every gateway replica agrees. */
const READ = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)`;

const ANSWER = `local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local left = window
if oldest[2] then left = tonumber(oldest[2]) + window - now end
return {added, redis.call('ZCARD', KEYS[1]), left}`;

/** Counts one more when fewer than ARGV[2] are counted (ARGV[2] empty: always); answers added (1 or 0), count, time left. */
const ADD = `${READ}
local added = 0
if ARGV[2] == '' or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  added = 1
end
${ANSWER}`;

const PEEK = `${READ}
local added = 0
${ANSWER}`;

type Answer = [added: number, count: number, leftMs: number];

/** A member of the set, unique whatever lands in the same millisecond; 12 characters, since a busy key holds thousands. */
const entry = () => randomBytes(9).toString('base64url');

const reading = ([, count, left]: Answer): LogReading => ({ count, untilOldestLeavesMs: Math.max(1, left) });

/**
 * A sliding log per key: the times of what was counted in the last window, in a sorted set. Unlike fixed minute
 * windows, it never lets twice the limit through across a window's end (three guesses at 12:00:59 and three more
 * at 12:01:00 under a limit of three a minute).
 */
export class SlidingLog {
  constructor(private readonly redis: Redis) {}

  /** Counts one more if fewer than `limit` are counted; a refusal is not counted, so knocking on waits no longer. */
  async addBelow(key: string, limit: number, windowMs: number): Promise<LogReading & { added: boolean }> {
    const answer = (await this.redis.eval(ADD, 1, key, String(windowMs), String(limit), entry())) as Answer;
    return { added: answer[0] === 1, ...reading(answer) };
  }

  /** Counts one more, whatever the count (what has happened, a failure, is counted). */
  async add(key: string, windowMs: number): Promise<void> {
    await this.redis.eval(ADD, 1, key, String(windowMs), '', entry());
  }

  /** Several keys' readings in one round trip. */
  async peek(keys: string[], windowMs: number): Promise<LogReading[]> {
    const pipeline: ChainableCommander = this.redis.pipeline();
    for (const key of keys) pipeline.eval(PEEK, 1, key, String(windowMs));
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
    return replies.map(([, answer]) => reading(answer as Answer));
  }
}
