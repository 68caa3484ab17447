/** Runs the transparency probe in a browser page and returns what it observed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { TestServer } from '../helpers/servers';

const PROBE = readFileSync(resolve(import.meta.dirname, 'probe/transparency-probe.js'), 'utf8');

export function serveProbePage(server: TestServer): string {
  server.page('/probe', `<!doctype html><html><head><script>${PROBE}</script></head><body><p>probe</p></body></html>`);
  return `${server.url}/probe`;
}

export async function runProbe(browser: Browser, url: string, wsUrl: string): Promise<unknown> {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.evaluate((u: string) => (window as any).__probe(u), wsUrl);
  await page.close();
  return result;
}
