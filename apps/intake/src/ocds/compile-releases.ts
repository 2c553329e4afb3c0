type Json = unknown;
type Release = Record<string, Json>;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: Json): v is Record<string, Json>[] => Array.isArray(v) && v.length > 0 && v.every((item) => isObject(item) && 'id' in item);

/**
 * OCDS merge, as the standard describes compiling a record: releases in date order, later values
 * win, objects merge field by field, arrays of objects with ids merge by id, other arrays are
 * replaced, and null removes a field (so no null is left in what it compiles).
 */
export function compileReleases(releases: Release[]): Release {
  const ordered = [...releases].sort((a, b) => Date.parse(String(a.date)) - Date.parse(String(b.date)));
  return ordered.reduce<Release>((compiled, release) => merge(compiled, release) as Release, {});
}

function merge(base: Json, update: Json): Json {
  if (isObject(update)) {
    const out: Record<string, Json> = isObject(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(update)) {
      if (value === null) delete out[key];
      else out[key] = merge(out[key], value);
    }
    return out;
  }
  if (hasIds(update)) {
    const byId = new Map(hasIds(base) ? base.map((item) => [String(item.id), item] as const) : []);
    for (const item of update) byId.set(String(item.id), merge(byId.get(String(item.id)), item) as Record<string, Json>);
    return [...byId.values()];
  }
  return Array.isArray(update) ? update.map((item) => merge(undefined, item)) : update;
}
