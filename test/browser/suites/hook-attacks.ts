/**
 * The page attacks the hook itself (any browser; run by chromium-hook-attacks.test.ts and
 * firefox-hook-attacks.test.ts): no argument the page can compute from the shipped file unlocks
 * anything; while the panel sets rules and sends, the page's spies on every builtin see none of
 * the user's data and no call the page did not make; the page cannot hijack the panel's sends
 * or forge what the panel shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fill, panelRows, waitFor } from '../../helpers/panel';
import { MARK, serveHostileHookPage, stringLiterals } from '../robustness/hostile-hook-page';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

export function defineHookAttackSuite(driver: PanelDriver, dist: string): void {
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveHostileHookPage,
    loaded: () => waitFor(() => s.page.evaluate(() => (window as any).ws.readyState === 1), 'the page\'s socket open'),
    opened: () => waitFor(async () => (await s.panel.$$('[data-testid="connection"]')).length === 1, 'the page\'s connection in the panel'),
  });
  const attackLog = () => s.page.evaluate(() => (window as any).attackLog as string[]);
  const serverTexts = () => s.server.received.map((m) => m.text);

  test('no string of the shipped hook, with or without ":tools", makes toString answer anything but source text', async () => {
    const candidates = stringLiterals(readFileSync(join(dist, 'src/hook/index.iife.js'), 'utf8'));
    expect(candidates.length).toBeGreaterThan(20); // the attack really had material to try
    expect(await s.page.evaluate((c) => (window as any).tryKeys(c), candidates)).toEqual([]);
    expect(await attackLog()).toEqual([]);
  });

  test('rules and the composer work while every builtin is a spy: the page sees none of it, and cannot hijack it', async () => {
    const { panel, page } = s;
    await panel.click('[data-testid="breakpoints-toggle"]');
    await panel.waitForSelector('[data-testid="breakpoints"]');
    const addRule = async (o: { name: string; dir: string; match: string; action: string; value: string; path?: string }) => {
      await fill(panel, 'rule-name', o.name);
      await panel.select('[data-testid="rule-dir"]', o.dir);
      await fill(panel, 'rule-match', o.match);
      await panel.select('[data-testid="rule-action"]', o.action);
      if (o.path !== undefined) await fill(panel, 'rule-path', o.path);
      await fill(panel, 'rule-value', o.value);
      await panel.click('[data-testid="rule-add"]');
    };
    await addRule({ name: `${MARK} rule`, dir: 'sent', match: 'cat', action: 'replace', value: `${MARK}-dog` });
    await addRule({ name: `${MARK} json`, dir: 'received', match: '"user"', action: 'json-set', path: '$.user', value: `"${MARK}-mallory"` });
    await waitFor(async () => (await panel.$$('[data-testid="rule"]')).length === 2, 'two rules listed');
    // Rules reach the hook asynchronously: say "cat" until the server gets it rewritten.
    await waitFor(async () => {
      await page.evaluate(() => (window as any).say('a cat'));
      await new Promise((r) => setTimeout(r, 200));
      return serverTexts().includes(`a ${MARK}-dog`);
    }, 'the rewrite rule applied at the server');
    await page.evaluate(() => (window as any).say('{"user":"bob","n":[1,2.5,true,null,{"x":"y"}]}'));
    const edited = ['{"user":"', '-mallory","n":[1,2.5,true,null,{"x":"y"}]}'];
    await waitFor(() => page.evaluate((a, b) => (window as any).sawMarked(a, b) as boolean, ...edited), 'the JSON rule applied before the page');

    await panel.click('[data-testid="compose"]');
    await panel.waitForSelector('[data-testid="composer"]');
    await panel.click('[data-testid="compose-text"]');
    await fill(panel, 'composer-input', `${MARK}-from-panel`);
    await waitFor(() => panel.$eval('[data-testid="composer-send"]', (e) => !(e as HTMLButtonElement).disabled), 'send enabled');
    await panel.click('[data-testid="composer-send"]');
    await waitFor(() => serverTexts().includes(`${MARK}-from-panel`), 'the panel\'s frame at the server, as sent');
    expect(serverTexts()).not.toContain('HIJACKED');

    await page.evaluate(() => (window as any).say('after the attack'));
    await waitFor(async () => (await panelRows(panel)).some((r) => r.preview === 'after the attack'), 'later frames still captured');
    expect(await attackLog()).toEqual([]);
    expect(await page.evaluate(() => (window as any).hijacked.length)).toBe(0);
    // Nothing forged: one connection, the page's own.
    expect(await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent ?? ''))).toEqual([expect.stringContaining('/echo')]);
  });
}
