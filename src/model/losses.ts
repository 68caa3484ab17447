/**
 * What the panel says about capture it does not have: one notice per loss path, with its
 * count and its reason. Pure: the panel renders these as they are.
 */
import type { CaptureStore } from './capture-store';

export interface LossNotice {
  /** Stable id (the panel's data-testid). */
  id: 'lost' | 'missed' | 'forgotten' | 'rejected' | 'clamped' | 'unreadable';
  text: string;
  title: string;
}

const n = (count: number) => count.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

export function lossNotices(store: CaptureStore): LossNotice[] {
  const out: LossNotice[] = [];
  const { beforeOpen, whileDisconnected } = store.lostBy;
  if (beforeOpen > 0) {
    out.push({ id: 'lost', text: `${plural(beforeOpen, 'frame')} evicted before DevTools opened`,
      title: 'The page keeps a bounded backlog (100,000 frames, 56 MB) until a panel listens; these frames were evicted before the panel received them' });
  }
  if (whileDisconnected > 0) {
    out.push({ id: 'missed', text: `${plural(whileDisconnected, 'frame')} missed while the panel was reconnecting`,
      title: 'Sent while the panel was not connected (extension restart, or the page was leaving) and no longer in the page\'s backlog when it reconnected' });
  }
  const relay = store.relayCounts();
  if (relay.forgottenConnections > 0) {
    out.push({ id: 'forgotten', text: `${plural(relay.forgottenConnections, 'closed connection')} forgotten before DevTools opened`,
      title: 'The page\'s backlog keeps at most 2,000 connections until a panel listens; the oldest closed ones (with no frame kept) were forgotten' });
  }
  const reasons = Object.entries(relay.rejected).filter(([, count]) => count > 0);
  const rejected = reasons.reduce((sum, [, count]) => sum + count, 0);
  if (rejected > 0) {
    out.push({ id: 'rejected', text: `${plural(rejected, 'malformed report')} from the page refused`,
      title: `The page's world is untrusted: what it sent that is not a valid capture report was dropped (${reasons.map(([why, count]) => `${why}: ${n(count)}`).join(', ')})` });
  }
  if (relay.clampedTimes > 0) {
    out.push({ id: 'clamped', text: `${plural(relay.clampedTimes, 'event time')} out of range, replaced`,
      title: 'Times that were not finite or not within the page\'s lifetime were replaced by the time the extension received the event' });
  }
  if (relay.unreadablePayloads > 0) {
    out.push({ id: 'unreadable', text: `${plural(relay.unreadablePayloads, 'payload')} could not be read, shown empty`,
      title: 'The page sent or received a Blob that the extension could not read (for example a file removed meanwhile): the frame is listed with no payload' });
  }
  return out;
}
