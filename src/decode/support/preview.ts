/** One-line previews for summaries: compact JSON, cut to a budget without walking huge values. */
import { toTree } from './tree';

export const SUMMARY_MAX = 200;

/** Cuts text to `max` characters (with an ellipsis) and folds line breaks so it stays one line. */
export function clip(text: string, max = SUMMARY_MAX): string {
  const head = text.length > max + 1 ? text.slice(0, max + 1) : text;
  const oneLine = head.replace(/\r\n|[\r\n\t]/g, (m) => (m === '\t' ? ' ' : '⏎'));
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

/** Compact JSON of a JSON-safe value, stopping once `max` characters are written. */
export function preview(value: unknown, max = 120): string {
  const out: string[] = [];
  const budget = { left: max + 1 };
  write(value, out, budget);
  return clip(out.join(''), max);
}

/** Text carried by a protocol: compact JSON when it is JSON, else quoted (`"hello"`). */
export function textPreview(text: string, max = 80): string {
  if (/^\s*[[{]/.test(text)) {
    try {
      return preview(toTree(JSON.parse(text)), max);
    } catch {
      // not JSON: quoted below
    }
  }
  return preview(text, max);
}

/** `12 B`, `3.4 KB`, `1.2 MB`. */
export function byteCount(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function write(value: unknown, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? JSON.stringify(value.length > budget.left ? value.slice(0, budget.left) : value) : String(value);
    push(text, out, budget);
    return;
  }
  const isArray = Array.isArray(value);
  push(isArray ? '[' : '{', out, budget);
  let first = true;
  const entries = isArray ? (value as unknown[]).entries() : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (budget.left <= 0) return;
    if (!first) push(',', out, budget);
    first = false;
    if (!isArray) push(JSON.stringify(key) + ':', out, budget);
    write(item, out, budget);
  }
  push(isArray ? ']' : '}', out, budget);
}

function push(text: string, out: string[], budget: { left: number }): void {
  out.push(text);
  budget.left -= text.length;
}
