/**
 * The operation type and name of a GraphQL document, found by a small scanner rather than the
 * graphql parser (which would add ~150 KB to the panel for a one-line summary).
 */
export interface OperationInfo { type: 'query' | 'mutation' | 'subscription'; name?: string }

const KEYWORDS = new Set(['query', 'mutation', 'subscription']);
/** Operation headers come first; scanning more of a huge document would only cost time. */
const MAX_SCANNED = 20_000;

/** The operation named `operationName`, else the first operation of the document. */
export function findOperation(document: string, operationName?: string): OperationInfo | null {
  const operations = topLevelOperations(document);
  if (operationName) return operations.find((op) => op.name === operationName) ?? operations[0] ?? null;
  return operations[0] ?? null;
}

/** Operation headers at brace depth 0, skipping comments, strings and fragment definitions. */
function topLevelOperations(document: string): OperationInfo[] {
  const found: OperationInfo[] = [];
  let depth = 0;
  let pending: { keyword: string; name?: string } | null = null;
  let expectName = false;
  const tokens = /#[^\n]*|"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|[{}]|[_A-Za-z][_0-9A-Za-z]*|[^\s,]/g;
  for (const [t] of document.slice(0, MAX_SCANNED).matchAll(tokens)) {
    if (t[0] === '#' || t[0] === '"') continue;
    if (t === '{') {
      if (depth === 0 && pending === null) found.push({ type: 'query' }); // the `{ … }` shorthand
      else if (depth === 0 && pending && KEYWORDS.has(pending.keyword)) found.push({ type: pending.keyword as OperationInfo['type'], ...(pending.name && { name: pending.name }) });
      if (depth === 0) pending = null;
      depth++;
    } else if (t === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) {
      if (pending === null && (KEYWORDS.has(t) || t === 'fragment')) { pending = { keyword: t }; expectName = true; continue; }
      if (pending && expectName && /^[_A-Za-z]/.test(t)) pending.name = t;
      expectName = false;
    }
  }
  return found;
}
