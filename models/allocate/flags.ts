/** Something a finance office should look at, found while allocating or reviewing. */
export interface AllocationFlag {
  severity: 'error' | 'warning' | 'info';
  /** Stable code (e.g. "sns", "comparability", "lapse_risk") so the app can group and filter. */
  code: string;
  message: string;
  site_id?: string;
  fund_code?: string;
  need_id?: string;
}

export const flag = (severity: AllocationFlag['severity'], code: string, message: string, where: Omit<AllocationFlag, 'severity' | 'code' | 'message'> = {}): AllocationFlag =>
  ({ severity, code, message, ...where });

/** $1,234.56 from cents or float dollars, for messages. */
export function dollars(amount: number, unit: 'cents' | 'dollars' = 'cents'): string {
  // Hand-rolled: toLocaleString is slow enough to matter when a thousand sites are flagged.
  const c = Math.round(Math.abs(unit === 'cents' ? amount : amount * 100));
  const whole = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 && c > 0 ? '-' : ''}$${whole}.${String(c % 100).padStart(2, '0')}`;
}
