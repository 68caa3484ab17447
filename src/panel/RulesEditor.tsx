/** Rewrite/block rules: list with enable toggles, and a form to add one. */
import { useState } from 'preact/hooks';
import { parsePath, type Rule, type RuleAction, type RuleDirection } from '../protocol/rules';
import { describeRule, regexError } from '../model/wording';

const ACTIONS: Array<[RuleAction['kind'], string]> = [['replace', 'replace with'], ['block', 'block'], ['json-set', 'JSON set'], ['json-delete', 'JSON delete']];


export function RulesEditor({ rules, onRules }: { rules: Rule[]; onRules(rules: Rule[]): void }) {
  const [draft, setDraft] = useState({ name: '', dir: 'both' as RuleDirection, urlContains: '', source: '', regex: false, flags: '', kind: 'replace' as RuleAction['kind'], value: '', path: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const add = () => {
    if (draft.regex) {
      try { new RegExp(draft.source, draft.flags); } catch (e) { return setError(regexError(e)); }
    }
    if ((draft.kind === 'json-set' || draft.kind === 'json-delete') && !parsePath(draft.path).length) return setError('JSON path needed, e.g. $.user.name');
    if (draft.kind === 'json-set') {
      try { JSON.parse(draft.value); } catch { return setError('The value to set must be JSON, e.g. "text", 42 or {"a":1}'); }
    }
    const keys = parsePath(draft.path);
    const action: RuleAction = draft.kind === 'replace' ? { kind: 'replace', with: draft.value } : draft.kind === 'block' ? { kind: 'block' }
      : draft.kind === 'json-set' ? { kind: 'json-set', path: draft.path, keys, value: draft.value } : { kind: 'json-delete', path: draft.path, keys };
    const rule: Rule = { id: `${Date.now()}`, name: draft.name || `rule ${rules.length + 1}`, enabled: true, dir: draft.dir, urlContains: draft.urlContains,
      match: { regex: draft.regex, source: draft.source, flags: draft.flags.replace(/[gy]/g, '') }, action };
    onRules([...rules, rule]);
    setError(null);
  };
  return (
    <div class="rules" data-testid="rules">
      <ul>
        {rules.map((r, i) => (
          <li key={r.id} data-testid="rule">
            <label><input type="checkbox" checked={r.enabled} onChange={() => onRules(rules.map((x, j) => (j === i ? { ...x, enabled: !x.enabled } : x)))} /> {r.name}</label>
            <span class="muted" data-testid="rule-summary"> {describeRule(r)}</span>
            <button type="button" aria-label={`Delete rule ${r.name}`} onClick={() => onRules(rules.filter((_, j) => j !== i))}>×</button>
          </li>
        ))}
      </ul>
      <div class="rule-form">
        <input placeholder="name" value={draft.name} onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })} data-testid="rule-name" />
        <select aria-label="Direction" value={draft.dir} onChange={(e) => set({ dir: (e.currentTarget as HTMLSelectElement).value as RuleDirection })} data-testid="rule-dir">
          <option value="both">both ways</option><option value="sent">sent</option><option value="received">received</option>
        </select>
        <input placeholder="url contains" value={draft.urlContains} onInput={(e) => set({ urlContains: (e.currentTarget as HTMLInputElement).value })} />
        <input placeholder="match (empty = all)" value={draft.source} onInput={(e) => set({ source: (e.currentTarget as HTMLInputElement).value })} data-testid="rule-match" />
        <label><input type="checkbox" checked={draft.regex} onChange={() => set({ regex: !draft.regex })} data-testid="rule-regex" /> regex</label>
        <select aria-label="Action" value={draft.kind} onChange={(e) => set({ kind: (e.currentTarget as HTMLSelectElement).value as RuleAction['kind'] })} data-testid="rule-action">
          {ACTIONS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
        {(draft.kind === 'json-set' || draft.kind === 'json-delete') && <input placeholder="$.path" value={draft.path} onInput={(e) => set({ path: (e.currentTarget as HTMLInputElement).value })} data-testid="rule-path" />}
        {(draft.kind === 'replace' || draft.kind === 'json-set') && <input placeholder={draft.kind === 'replace' ? 'replacement ($1, $&)' : 'JSON value'} value={draft.value} onInput={(e) => set({ value: (e.currentTarget as HTMLInputElement).value })} data-testid="rule-value" />}
        <button type="button" onClick={add} data-testid="rule-add">Add rule</button>
        {error && <span class="error" role="alert" data-testid="rule-error">{error}</span>}
      </div>
    </div>
  );
}
