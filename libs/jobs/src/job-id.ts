/**
 * A deterministic BullMQ job id: `<kind>-<id>`. BullMQ treats `:` as a key separator and an
 * all-digit id as its own counter, so both are refused here rather than silently misbehaving.
 */
export function jobId(kind: string, id: string): string {
  const value = `${kind}-${id}`;
  if (value.includes(':')) throw new Error(`job id "${value}" must not contain ':'`);
  if (/^\d+$/.test(value)) throw new Error(`job id "${value}" must not be all digits`);
  return value;
}
