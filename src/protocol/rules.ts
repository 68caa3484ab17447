/**
 * Rewrite rules and breakpoints for frames, applied by the hook at send/receive time.
 * Pure, and written against `Ops` (regex exec, JSON, property access) so that the hook can
 * pass natives captured before any page script ran: the page cannot tamper with matching.
 */
export type RuleDirection = 'sent' | 'received' | 'both';
/** `flags` never holds g or y (the panel strips them: matching is stateless). */
export interface TextMatch { regex: boolean; source: string; flags: string }

export type RuleAction =
  | { kind: 'replace'; with: string }
  | { kind: 'block' }
  | { kind: 'json-set'; path: string; keys: string[]; value: string }
  | { kind: 'json-delete'; path: string; keys: string[] };

export interface Rule { id: string; name: string; enabled: boolean; dir: RuleDirection; urlContains: string; match: TextMatch; action: RuleAction }

export interface InterceptConfig { sent: boolean; received: boolean; urlContains: string; match: TextMatch; timeoutMs: number }

export interface Ops {
  RegExp: RegExpConstructor;
  exec(re: RegExp, text: string): RegExpExecArray | null;
  indexOf(text: string, search: string, from?: number): number;
  slice(text: string, start: number, end?: number): string;
  parse(text: string): unknown;
  stringify(value: unknown): string;
  hasOwn(o: object, key: string): boolean;
  set(o: object, key: string, value: unknown): void;
  remove(o: object, key: string): void;
}

export const defaultOps: Ops = {
  RegExp,
  exec: (re, text) => re.exec(text),
  indexOf: (text, s, from) => text.indexOf(s, from),
  slice: (text, start, end) => text.slice(start, end),
  parse: JSON.parse,
  stringify: JSON.stringify,
  hasOwn: (o, k) => Object.prototype.hasOwnProperty.call(o, k),
  set: (o, k, v) => { Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); },
  remove: (o, k) => { Reflect.deleteProperty(o, k); },
};

/** Does `text` match? Empty source matches everything. Bad regexes match nothing. */
export function matches(m: TextMatch, text: string, ops: Ops): boolean {
  if (!m.source) return true;
  if (!m.regex) return ops.indexOf(text, m.source) >= 0;
  try {
    return ops.exec(new ops.RegExp(m.source, m.flags), text) !== null;
  } catch {
    return false;
  }
}

function appliesTo(dir: RuleDirection, urlContains: string, frameDir: 'sent' | 'received', url: string, ops: Ops): boolean {
  return (dir === 'both' || dir === frameDir) && (!urlContains || ops.indexOf(url, urlContains) >= 0);
}

export function shouldIntercept(c: InterceptConfig, frameDir: 'sent' | 'received', url: string, text: string | null, ops: Ops): boolean {
  if (frameDir === 'sent' ? !c.sent : !c.received) return false;
  if (c.urlContains && ops.indexOf(url, c.urlContains) < 0) return false;
  return text === null ? !c.match.source : matches(c.match, text, ops);
}

/** Replaces every match; `$&` and `$1`…`$9` in `replacement` expand (regex mode). */
function replaceAll(m: TextMatch, text: string, replacement: string, ops: Ops): string {
  if (!m.regex) {
    if (!m.source) return replacement;
    let out = '';
    let at = 0;
    for (let i = ops.indexOf(text, m.source); i >= 0; i = ops.indexOf(text, m.source, at)) {
      out += ops.slice(text, at, i) + replacement;
      at = i + m.source.length;
    }
    return out + ops.slice(text, at);
  }
  const re = new ops.RegExp(m.source, m.flags + 'g');
  let out = '';
  let at = 0;
  for (let r = ops.exec(re, text); r; r = ops.exec(re, text)) {
    out += ops.slice(text, at, r.index) + expand(replacement, r);
    at = r.index + r[0].length;
    if (r[0].length === 0) re.lastIndex++;
  }
  return out + ops.slice(text, at);
}

function expand(replacement: string, r: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i], next = replacement[i + 1];
    if (c === '$' && next === '&') { out += r[0]; i++; }
    else if (c === '$' && next >= '1' && next <= '9') { out += r[+next] ?? ''; i++; }
    else if (c === '$' && next === '$') { out += '$'; i++; }
    else out += c;
  }
  return out;
}

/** `$.a.b[0]` or `a.b.0` → ['a', 'b', '0']. */
export function parsePath(path: string): string[] {
  const parts: string[] = [];
  const re = /\.?([^.[\]]+)|\[(\d+|"[^"]*")\]/g;
  const body = path.replace(/^\$/, '');
  for (let m = re.exec(body); m; m = re.exec(body)) parts.push(m[1] ?? (m[2].startsWith('"') ? m[2].slice(1, -1) : m[2]));
  return parts;
}

function editJson(text: string, action: Extract<RuleAction, { kind: 'json-set' | 'json-delete' }>, ops: Ops): string | null {
  let root: unknown;
  try { root = ops.parse(text); } catch { return null; }
  const path = action.keys;
  if (!path.length || typeof root !== 'object' || root === null) return null;
  let node = root as object;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const child = ops.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    if (typeof child !== 'object' || child === null) return null;
    node = child;
  }
  const last = path[path.length - 1];
  if (action.kind === 'json-delete') {
    if (!ops.hasOwn(node, last)) return null;
    ops.remove(node, last);
  } else {
    let value: unknown;
    try { value = ops.parse(action.value); } catch { return null; }
    ops.set(node, last, value);
  }
  return ops.stringify(root);
}

export type RuleOutcome = { blocked: true; rule: string } | { blocked: false; data: string; rule: string } | null;

/** The first enabled rule that matches decides; null when none applies. Binary frames are only blocked. */
export function applyRules(rules: readonly Rule[], frameDir: 'sent' | 'received', url: string, text: string | null, ops: Ops): RuleOutcome {
  // Indexed, not for…of: in the hook, the array iterator is the page's to replace.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!rule.enabled || !appliesTo(rule.dir, rule.urlContains, frameDir, url, ops)) continue;
    if (text === null) {
      if (rule.action.kind === 'block' && !rule.match.source) return { blocked: true, rule: rule.name };
      continue;
    }
    if (!matches(rule.match, text, ops)) continue;
    const a = rule.action;
    if (a.kind === 'block') return { blocked: true, rule: rule.name };
    if (a.kind === 'replace') return { blocked: false, data: replaceAll(rule.match, text, a.with, ops), rule: rule.name };
    const edited = editJson(text, a, ops);
    if (edited !== null) return { blocked: false, data: edited, rule: rule.name };
  }
  return null;
}
