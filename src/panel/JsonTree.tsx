/**
 * Collapsible JSON tree. Children render only when expanded, so huge documents cost
 * nothing until opened. Right-click a key for "copy path" / "copy value".
 */
import { useState } from 'preact/hooks';
import { copyText } from './clipboard';

const MAX_CHILDREN = 500;

export function JsonTree({ value }: { value: unknown }) {
  return <ul class="json-tree" data-testid="json-tree"><Node name="$" path="$" value={value} depth={0} /></ul>;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function Node({ name, path, value, depth }: { name: string; path: string; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  const isObject = typeof value === 'object' && value !== null;
  const entries: Array<[string | number, unknown]> = !isObject ? [] : Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as object);
  const label = (
    <span class="json-key" title={`${path} — click to ${open ? 'collapse' : 'expand'}; buttons copy`}>
      {name}
      <button type="button" class="json-copy" aria-label={`Copy the path ${path}`} onClick={(e) => { e.stopPropagation(); copyText(path); }}>Copy path</button>
      <button type="button" class="json-copy" aria-label={`Copy the value at ${path}`} onClick={(e) => { e.stopPropagation(); copyText(JSON.stringify(value, null, 2)); }}>Copy value</button>
    </span>
  );
  if (!isObject) {
    return <li class="json-leaf">{label}: <span class={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span></li>;
  }
  const summary = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length} keys}`;
  return (
    <li>
      <span class="json-toggle" onClick={() => setOpen(!open)} role="button" aria-expanded={open}>{open ? '▾' : '▸'} </span>
      {label}: <span class="json-summary">{summary}</span>
      {open && (
        <ul>
          {entries.slice(0, MAX_CHILDREN).map(([k, v]) => <Node key={String(k)} name={String(k)} path={childPath(path, k)} value={v} depth={depth + 1} />)}
          {entries.length > MAX_CHILDREN && <li class="json-more">… {entries.length - MAX_CHILDREN} more</li>}
        </ul>
      )}
    </li>
  );
}
