import type { Connection, Frame } from '../model/capture-store';
import { formatFullTime, formatSize, frameBytes, hexDump, prettyJson } from '../model/format';

const MAX_TEXT = 1024 * 1024;

interface Props { frame: Frame; connection?: Connection; onClose(): void }

export function FrameDetails({ frame, connection, onClose }: Props) {
  const json = frame.opcode === 'text' ? prettyJson(frame.data) : null;
  const bytes = frame.opcode === 'binary' ? frameBytes(frame) : null;
  const body = json ?? (bytes ? hexDump(bytes) : frame.data.slice(0, MAX_TEXT));
  const cut = bytes ? bytes.length > 64 * 1024 : !json && frame.data.length > MAX_TEXT;
  return (
    <section class="details" data-testid="details" aria-label="Frame details">
      <header>
        <span>{frame.dir === 'sent' ? 'Sent' : 'Received'} {frame.opcode} · {formatSize(frame.size)} · {formatFullTime(frame.time)}</span>
        {frame.discarded && <span class="warning"> · discarded by the browser: socket was not open</span>}
        <button type="button" onClick={onClose} title="Close details" aria-label="Close details">×</button>
      </header>
      {connection && <div class="details-conn">{connection.url}</div>}
      {json && <div class="details-kind">JSON</div>}
      {cut && <div class="warning">Large payload: showing the first {bytes ? '64 KB' : '1 MB'}.</div>}
      <pre data-testid="details-body">{body}</pre>
    </section>
  );
}
