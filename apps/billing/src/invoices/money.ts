export { pounds } from '@mediation/documents';

/** Pence as a plain decimal for spreadsheets: 135000 -> "1350.00" (no float arithmetic). */
export function decimalPounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
