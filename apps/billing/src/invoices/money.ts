/** Pence as pounds for people: 135000 -> "£1,350.00", -2700 -> "-£27.00". */
export function pounds(pence: number): string {
  const abs = (Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${pence < 0 ? '-' : ''}£${abs}`;
}

/** Pence as a plain decimal for spreadsheets: 135000 -> "1350.00" (no float arithmetic). */
export function decimalPounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
