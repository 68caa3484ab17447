/** Rules (persisted in extension storage) and the breakpoint config, pushed to the tab on change. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isTabConfig } from '../protocol/commands';
import type { InterceptConfig, Rule } from '../protocol/rules';

const KEY = 'wsinspect.rules';

export const NO_BREAKPOINT: InterceptConfig = { sent: false, received: false, urlContains: '', match: { regex: false, source: '', flags: '' }, timeoutMs: 60_000 };

export function useRulesState(push: (rules: Rule[], intercept: InterceptConfig | null) => void) {
  const [rules, setRules] = useState<Rule[]>([]);
  const [breakpoint, setBreakpoint] = useState<InterceptConfig>(NO_BREAKPOINT);
  useEffect(() => {
    browser.storage.local.get(KEY).then((stored) => {
      const saved = stored[KEY];
      if (isTabConfig(saved, null)) setRules(saved as Rule[]);
    }, () => {});
  }, []);
  const active = breakpoint.sent || breakpoint.received ? breakpoint : null;
  useEffect(() => push(rules, active), [rules, breakpoint]);
  const saveRules = (next: Rule[]) => {
    setRules(next);
    browser.storage.local.set({ [KEY]: next }).catch(() => {});
  };
  return { rules, saveRules, breakpoint, setBreakpoint };
}
