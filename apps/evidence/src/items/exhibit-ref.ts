/**
 * A producer's initials for exhibit references (`Jane Smith` -> `JS`, `Mary-Ann O'Neil` -> `MAO`): the
 * first letter of each word, hyphenated parts counting as words, at most four, capitals only. The
 * courts' practice (CPR PD 32 para 11.3): each exhibit is marked with the witness's initials and a number.
 */
export function initialsOf(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^\p{L}\s-]/gu, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase())
    .filter((letter) => /[A-Z]/.test(letter));
  return letters.slice(0, 4).join('') || 'X';
}

export const exhibitRef = (initials: string, n: number) => `${initials}/${n}`;
