import type { OcdsRelease } from '@mediation/protocol';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: Json): v is Record<string, Json>[] => Array.isArray(v) && v.length > 0 && v.every((item) => isObject(item) && 'id' in item);

/**
 * OCDS merge, as the standard describes compiling a record: releases in date order, later values
 * win, objects merge field by field, arrays of objects with ids merge by id, other arrays are
 * replaced, and null removes a field.
 */
export function compileReleases(releases: OcdsRelease[]): OcdsRelease {
  const ordered = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  return ordered.reduce<Record<string, Json>>((compiled, release) => merge(compiled, release) as Record<string, Json>, {}) as OcdsRelease;
}

function merge(base: Json, update: Json): Json {
  if (isObject(base) && isObject(update)) {
    const out: Record<string, Json> = { ...base };
    for (const [key, value] of Object.entries(update)) {
      if (value === null) delete out[key];
      else out[key] = key in out ? merge(out[key], value) : value;
    }
    return out;
  }
  if (hasIds(base) && hasIds(update)) {
    const byId = new Map(base.map((item) => [String(item.id), item] as const));
    for (const item of update) byId.set(String(item.id), byId.has(String(item.id)) ? (merge(byId.get(String(item.id)), item) as Record<string, Json>) : item);
    return [...byId.values()];
  }
  return update;
}
