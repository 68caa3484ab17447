/**
 * Decoded views of frames for the table and the details pane. Decoding is lazy (only rows
 * that are shown, only the selected frame's tree) and cached per frame object. Table rows
 * decode within a time budget per render: while frames stream past, a row may show its raw
 * preview first and its summary on a later render (see FrameTable).
 *
 * A `Decoding` belongs to the panel's state (see state.ts): its caches and the decoders the user
 * built live as long as the panel, with no module-level state.
 */
import { decodeFrame, frameInput, type CapturedFrame, type ConnectionInfo, type DecodeInput, type DecodeResult, type Decoder, type PairHint } from '../decode';
import type { Connection, Frame } from '../model/capture-store';
import { pairHintsOf } from '../model/pairing';

/** Formats whose summary says more than the raw preview does. */
const PLAIN: readonly string[] = ['json', 'text', 'hex'];

/** A frame as the decoders take it; the panel's binary frames may still hold their bytes. */
type DecodableFrame = CapturedFrame & { bytes?: ArrayBuffer };

export type TableSummary = { format: string; summary: string } | null;

/** Decoding time a render may spend on new rows' summaries; the rest wait for a later render. */
export interface DecodeBudget { until: number; pending: boolean }

export function decodeBudget(ms: number): DecodeBudget {
  return { until: performance.now() + ms, pending: false };
}

export class Decoding {
  private cache = new WeakMap<Frame, { override: string | undefined; result: DecodeResult }>();
  /** Table summaries only (no trees kept): what a row shows. */
  private summaries = new WeakMap<Frame, { override: string | undefined; summary: TableSummary }>();
  /** Decoders the user built in this session (a .proto message type), by id. */
  private custom = new Map<string, Decoder>();

  registerDecoder(decoder: Decoder): void {
    this.custom.set(decoder.id, decoder);
  }

  customDecoders(): Decoder[] {
    return [...this.custom.values()];
  }

  /**
   * Loads a .proto (protobufjs is big: imported only now) and lists its message types,
   * or says what is wrong with it.
   */
  async loadProtoSchema(source: string): Promise<{ types: string[]; use(type: string): string } | { error: string }> {
    const { parseProtoSchema, createProtobufSchemaDecoder } = await import('../decode/decoders/protobuf-schema');
    const schema = parseProtoSchema(source);
    if (!schema.ok) return { error: schema.error };
    return {
      types: schema.messageTypes,
      use: (type) => {
        const decoder = createProtobufSchemaDecoder(source, type);
        if ('error' in decoder) throw new Error(decoder.error);
        this.registerDecoder(decoder);
        return decoder.id;
      },
    };
  }

  decoded(frame: Frame, connection: Connection | undefined, override?: string): DecodeResult {
    const hit = this.cache.get(frame);
    if (hit && hit.override === override) return hit.result;
    let result: DecodeResult;
    try {
      const info = connection ?? { url: '', protocol: '', protocols: [] };
      result = decodeFrame(inputOf(frame, info), (override && this.custom.get(override)) || override);
    } catch (e) {
      result = { ok: false, format: override ?? 'auto', error: `decoder failed: ${(e as Error).message}` };
    }
    this.cache.set(frame, { override, result });
    return result;
  }

  /**
   * A one-line protocol summary for the table, or null when the raw preview is as good.
   * `undefined` when the budget is spent (the row shows its raw preview meanwhile).
   */
  tableSummary(frame: Frame, connection: Connection | undefined, override?: string, budget?: DecodeBudget): TableSummary | undefined {
    const hit = this.summaries.get(frame);
    if (hit && hit.override === override) return hit.summary;
    const full = this.cache.get(frame);
    let summary: TableSummary;
    if (full && full.override === override) summary = toSummary(full.result, override);
    else if (!budget) summary = toSummary(this.decoded(frame, connection, override), override); // the details pane decodes it all anyway
    else {
      if (performance.now() > budget.until) { budget.pending = true; return undefined; }
      summary = toSummary(this.decodeForSummary(frame, connection, override), override);
    }
    this.summaries.set(frame, { override, summary });
    return summary;
  }

  /**
   * What pairing needs of a frame (live, imported, or a replay's traffic): its request ids, with the
   * user's decoder choice, nothing kept. Pairing decodes every frame of a connection once, in order,
   * with the connection's `session`: split messages are put together.
   */
  pairHints(frame: DecodableFrame, connection: ConnectionInfo | undefined, override: string | undefined, session: Map<string, unknown>): PairHint[] {
    return pairHintsOf(this.decodeForSummary(frame, connection, override, session));
  }

  /** Like `decoded`, without the plain-text / hex-dump fallback (a summary never shows it). */
  private decodeForSummary(frame: DecodableFrame, connection: ConnectionInfo | undefined, override?: string, session?: Map<string, unknown>): DecodeResult {
    try {
      const info = connection ?? { url: '', protocol: '', protocols: [] };
      const input = inputOf(frame, info);
      if (session) Object.assign(input, { session, reassemble: true });
      return decodeFrame(input, (override && this.custom.get(override)) || override, { fallback: false });
    } catch (e) {
      return { ok: false, format: override ?? 'auto', error: `decoder failed: ${(e as Error).message}` };
    }
  }
}

/** The decoders' input; a binary payload that arrived as bytes is used as is (no base64 round trip). */
function inputOf(frame: DecodableFrame, info: ConnectionInfo): DecodeInput {
  if (!frame.bytes) return frameInput(frame, info);
  return { bytes: new Uint8Array(frame.bytes), text: null, dir: frame.dir, connection: { url: info.url, protocol: info.protocol, protocols: info.protocols } };
}

function toSummary(r: DecodeResult, override?: string): TableSummary {
  if (!r) return null;
  if (!r.ok) return override ? { format: r.format, summary: `⚠ ${r.error}` } : null;
  return PLAIN.includes(r.format) && !override ? null : { format: r.format, summary: r.summary };
}
