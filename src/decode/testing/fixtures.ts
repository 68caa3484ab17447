/** Loads recorded or hand-written frames from test/fixtures/frames for the decoder tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Direction, Opcode } from '../../protocol/capture';
import { decodeFrame } from '../detect';
import { frameInput } from '../input';
import type { DecodeInput, DecodeResult } from '../types';

export interface FixtureFrame {
  dir: Direction;
  opcode: Opcode;
  /** Text, or base64 for binary. */
  data: string;
  url: string;
  protocol: string;
  protocols?: string[];
  /** Hand-written fixtures say what a binary frame holds. */
  note?: string;
}

const DIR = fileURLToPath(new URL('../../../test/fixtures/frames/', import.meta.url));

export function loadFixture(name: string): FixtureFrame[] {
  return JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8')) as FixtureFrame[];
}

export function fixtureInput(frame: FixtureFrame, session?: Map<string, unknown>): DecodeInput {
  return frameInput(frame, { url: frame.url, protocol: frame.protocol, protocols: frame.protocols ?? [] }, session);
}

/** Decodes a fixture's frames in order, as the panel would for one connection. */
export function decodeFixture(name: string, options: { session?: boolean; override?: string } = {}): DecodeResult[] {
  const session = options.session ? new Map<string, unknown>() : undefined;
  return loadFixture(name).map((frame) => decodeFrame(fixtureInput(frame, session), options.override));
}

/** `summary` of each result, or `error: …` for failures, for exact assertions. */
export function summaries(results: DecodeResult[]): string[] {
  return results.map((r) => (r === null ? 'null' : r.ok ? r.summary : `error: ${r.error}`));
}
