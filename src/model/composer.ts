/** The composer's pure logic: turning what the user typed into a payload, and snippets. */
import type { Payload } from '../protocol/commands';
import { base64ToBytes, bytesToBase64, hexPreview } from './bytes';
import type { Frame } from './capture-store';

export type ComposeMode = 'text' | 'json' | 'hex' | 'base64';
export const COMPOSE_MODES: ComposeMode[] = ['text', 'json', 'hex', 'base64'];

export type Built = { ok: true; payload: Payload } | { ok: false; error: string };

export function buildPayload(mode: ComposeMode, input: string): Built {
  switch (mode) {
    case 'text':
      return { ok: true, payload: { kind: 'text', text: input } };
    case 'json':
      try {
        JSON.parse(input);
        return { ok: true, payload: { kind: 'text', text: input } };
      } catch (e) {
        return { ok: false, error: `Invalid JSON: ${(e as Error).message}` };
      }
    case 'hex': {
      const clean = input.replace(/0x/gi, '').replace(/[\s,:]/g, '');
      if (!/^[0-9a-f]*$/i.test(clean)) return { ok: false, error: `Invalid hex: unexpected "${clean.match(/[^0-9a-f]/i)![0]}"` };
      if (clean.length % 2) return { ok: false, error: 'Invalid hex: odd number of digits' };
      const bytes = new Uint8Array(clean.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
      return { ok: true, payload: { kind: 'binary', base64: bytesToBase64(bytes) } };
    }
    case 'base64': {
      const clean = input.replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return { ok: false, error: 'Invalid base64' };
      try {
        return { ok: true, payload: { kind: 'binary', base64: bytesToBase64(base64ToBytes(clean)) } };
      } catch {
        return { ok: false, error: 'Invalid base64' };
      }
    }
  }
}

export function reformatJson(input: string, pretty: boolean): string | null {
  try {
    return JSON.stringify(JSON.parse(input), null, pretty ? 2 : undefined);
  } catch {
    return null;
  }
}

/** What the composer starts from when the user picks "Edit and replay" on a frame. */
export function templateFromFrame(frame: Frame): { mode: ComposeMode; text: string } {
  if (frame.opcode === 'binary') return { mode: 'hex', text: hexPreview(base64ToBytes(frame.data), Infinity) };
  try {
    JSON.parse(frame.data);
    return { mode: 'json', text: frame.data };
  } catch {
    return { mode: 'text', text: frame.data };
  }
}

export interface Snippet { name: string; mode: ComposeMode; text: string }

/** Validates imported snippets; throws with the position of the first bad entry. */
export function parseSnippets(json: string): Snippet[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`Not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error('Expected a JSON array of snippets');
  return data.map((item, i) => {
    const o = item as Partial<Snippet>;
    if (typeof o !== 'object' || o === null || typeof o.name !== 'string' || typeof o.text !== 'string' || !COMPOSE_MODES.includes(o.mode as ComposeMode)) {
      throw new Error(`Snippet ${i + 1}: needs "name" (string), "mode" (${COMPOSE_MODES.join('|')}) and "text" (string)`);
    }
    return { name: o.name.slice(0, 200), mode: o.mode as ComposeMode, text: o.text };
  });
}
