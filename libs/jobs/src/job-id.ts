/**
 * A deterministic BullMQ job id: `<kind>-<id>`. BullMQ treats `:` as a key separator and refuses an
 * id that reads as an integer (`-42` included), so both are refused here with a clear message.
 */
export function jobId(kind: string, id: string): string {
  if (!kind) throw new Error('a job id needs a kind, e.g. "deadline"');
  const value = `${kind}-${id}`;
  if (value.includes(':')) throw new Error(`job id "${value}" must not contain ':'`);
  if (String(Number.parseInt(value, 10)) === value) throw new Error(`job id "${value}" must not read as an integer`);
  return value;
}
