/** Real mouse clicks on the panel page's rows and context menu, in any browser. */
import type { ElementHandle, Page } from 'puppeteer-core';

/** The first element matching `selector` whose text contains `text` (found in one step: rows move). */
export async function elementWithText(panel: Page, selector: string, text: string, exact = false): Promise<ElementHandle<Element>> {
  const handle = await panel.evaluateHandle((s, t, x) => [...document.querySelectorAll(s)].find((e) => (x ? e.textContent === t : e.textContent!.includes(t))), selector, text, exact);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} with text ${text}`);
  return element as ElementHandle<Element>;
}

/** Right-clicks the frame row (matching `selector`) containing `text` with a real mouse click, and waits for the context menu. */
export async function rightClickRow(panel: Page, text: string, selector = '[data-testid="frame-row"]'): Promise<void> {
  await (await elementWithText(panel, selector, text)).click({ button: 'right' });
  await panel.waitForSelector('[data-testid="context-menu"]');
}

/** Clicks a context menu item with a real mouse click (clipboard writes need a user gesture in Firefox). */
export async function chooseMenuItem(panel: Page, label: string): Promise<void> {
  await (await elementWithText(panel, '[data-testid="context-menu"] button', label, true)).click();
}
