/** English language names (Welsh, Polish, Urdu...) to ISO 639-1 codes, from the runtime's own ICU data. */
const BY_NAME: ReadonlyMap<string, string> = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const map = new Map<string, string>();
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = names.of(code);
      if (name && name !== code) map.set(name.toLowerCase(), code);
    }
  }
  return map;
})();

/**
 * A party's interpreter language as casework records it (free text such as "Polish" or "pl") in the
 * code staff languages use; undefined when it cannot be told, so nothing is ranked on a guess.
 */
export function languageCode(text: string | null | undefined): string | undefined {
  const value = text?.trim().toLowerCase();
  if (!value) return undefined;
  if (/^[a-z]{2,3}$/.test(value)) return value;
  return BY_NAME.get(value) ?? BY_NAME.get(value.replace(/\s*\(.*\)$/, '').replace(/\s+sign language$/, ''));
}
