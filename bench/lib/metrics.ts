/**
 * What every benchmark returns: summary metrics (with an optional budget) and detail rows.
 * `ratio` is value-to-budget oriented so that ≥ 1 always means "within budget".
 */
export interface Budget { op: '>=' | '<='; value: number }

export interface Metric {
  /** Stable key, used by scripts/bench-check.mjs. */
  id: string;
  label: string;
  value: number;
  /** How to print the value (defaults to the number and `unit`). */
  shown?: string;
  unit?: string;
  budget?: Budget;
  /** How far below its budget the CI check tolerates this ratio (default 10%). */
  tolerance?: number;
}

export type Detail = Record<string, string | number>;

export interface SuiteResult { metrics: Metric[]; details: Array<{ title: string; rows: Detail[] }> }

export function ratioToBudget(m: Metric): number | null {
  if (!m.budget) return null;
  const { op, value } = m.budget;
  if (op === '>=') return value === 0 ? (m.value >= 0 ? 1 : 0) : m.value / value;
  return m.value <= 0 ? Infinity : value / m.value;
}

export function passes(m: Metric): boolean | null {
  const r = ratioToBudget(m);
  return r === null ? null : r >= 1;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '∞');

export function summaryRows(metrics: Metric[]): Array<Record<string, string>> {
  return metrics.map((m) => {
    const r = ratioToBudget(m);
    return {
      metric: m.label,
      value: m.shown ?? `${fmt(m.value, Math.abs(m.value) >= 100 ? 0 : 3)}${m.unit ? ` ${m.unit}` : ''}`,
      budget: m.budget ? `${m.budget.op} ${m.budget.value}${m.unit ? ` ${m.unit}` : ''}` : '—',
      ratio: r === null ? '—' : fmt(r),
      result: r === null ? 'info' : r >= 1 ? 'pass' : 'FAIL',
    };
  });
}

export function markdownTable(rows: Array<Record<string, string | number>>): string {
  if (!rows.length) return '';
  const keys = Object.keys(rows[0]);
  const line = (cells: Array<string | number>) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(keys), line(keys.map(() => '---')), ...rows.map((r) => line(keys.map((k) => r[k] ?? '')))].join('\n');
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank), hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const MB = 1024 * 1024;
export const mb = (bytes: number) => bytes / MB;
