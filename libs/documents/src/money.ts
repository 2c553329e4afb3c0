/** Pence as pounds for people: 135000 -> "£1,350.00", -2700 -> "-£27.00" (invoices, and the emails that carry them). */
export function pounds(pence: number): string {
  const abs = (Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${pence < 0 ? '-' : ''}£${abs}`;
}
