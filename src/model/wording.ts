/** Sentences the panel shows about rules and rewrites, as plain text (issue 13, finding 5). Pure. */
import type { Rule } from '../protocol/rules';

const DIRECTIONS = { both: 'Both ways', sent: 'Sent', received: 'Received' } as const;

/** «…» quote user text: payloads are full of ASCII quotes, and these exist in every font. */
const quote = (text: string) => `«${text}»`;

/** One line describing a rule, e.g. `Both ways: «"user":"bot"» → replace with «bot»`. */
export function describeRule(r: Rule): string {
  const m = r.match;
  const what = !m.source ? 'every frame' : m.regex ? `/${m.source}/${m.flags}` : quote(m.source);
  const a = r.action;
  const action = a.kind === 'replace' ? (a.with ? `replace with ${quote(a.with)}` : 'remove the match')
    : a.kind === 'block' ? 'block the frame'
    : a.kind === 'json-set' ? `set ${a.path} = ${a.value}` : `delete ${a.path}`;
  return `${DIRECTIONS[r.dir]}: ${what}${r.urlContains ? ` on urls containing ${quote(r.urlContains)}` : ''} → ${action}`;
}

/** Why a frame's payload differs from what the page (or server) sent. */
export function rewriteNote(rule: string | undefined): string {
  if (!rule || rule === 'edited in the panel') return 'Edited in the panel before it was forwarded.';
  return `Rewritten by rule ${quote(rule)}.`;
}

/** A RegExp constructor's message already starts with "Invalid regular expression": say it once. */
export function regexError(e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  return `Invalid regular expression: ${message.replace(/^Invalid regular expression:\s*/i, '')}`;
}
