/**
 * What BullMQ refuses in a custom job id, checked before it reaches BullMQ with a clear message: `:`
 * anywhere (its Redis key separator; BullMQ lets a legacy three-part repeat id through, which we never
 * make), and an id that reads back as an integer (`42`, `-42`: BullMQ's own test is
 * `${parseInt(id, 10)}` === id), which it takes for its own numeric ids.
 */
export function assertJobId(value: string): string {
  if (!value) throw new Error('a job id must not be empty');
  if (value.includes(':')) throw new Error(`job id "${value}" must not contain ':'`);
  if (`${Number.parseInt(value, 10)}` === value) throw new Error(`job id "${value}" must not read as an integer`);
  return value;
}

/**
 * A deterministic BullMQ job id: `<kind>-<id>`. The kind is a lower-case word (`deadline`, `delivery`),
 * so the id as a whole never reads as an integer, even behind an all-digit id.
 */
export function jobId(kind: string, id: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(kind))
    throw new Error(`a job id needs a kind of lower-case letters, digits and hyphens starting with a letter, e.g. "deadline"; got "${kind}"`);
  if (!id) throw new Error(`a ${kind} job id needs an id`);
  return assertJobId(`${kind}-${id}`);
}
