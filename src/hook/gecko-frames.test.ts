import { describe, expect, test } from 'vitest';
import { fileOf, locationOf, MAX_FRAMES, withoutHookFrames } from './gecko-frames';

const OWN = '<anonymous code>';
const page = (n: number) => `f${n}@http://host/p:${n}:${n + 1}\n`;
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => page(from + i)).join('');

describe('locationOf', () => {
  test('reads name@file:line:column, with colons and @ in the file', () => {
    expect(locationOf('send@<anonymous code>:8:13917')).toEqual(['<anonymous code>', 8, 13917]);
    expect(locationOf('a/b<@http://u@h:80/p line 2 > eval:1:5')).toEqual(['http://u@h:80/p line 2 > eval', 1, 5]);
    expect(locationOf('@http://host/p:3:4')).toEqual(['http://host/p', 3, 4]);
  });
  test('async parents and other lines are not frames', () => {
    expect(locationOf('promise callback*f@http://host/p:1:2')).toBeNull();
    expect(locationOf('')).toBeNull();
    expect(fileOf('no frame here')).toBeNull();
  });
});

describe('withoutHookFrames', () => {
  test('drops the wrapper line above the callers; the top frame changes', () => {
    const stack = `send@${OWN}:8:100\n${lines(1, 4)}`;
    expect(withoutHookFrames(stack, lines(1, 4), OWN, 128)).toEqual({ stack: lines(1, 4), top: true });
  });
  test('keeps page frames above ours (a page callback threw) and drops our helpers too', () => {
    const stack = `toString@http://host/p:9:9\nnormalize@${OWN}:8:50\nsend@${OWN}:8:100\n${lines(1, 3)}`;
    expect(withoutHookFrames(stack, lines(1, 3), OWN, 128)).toEqual({ stack: `toString@http://host/p:9:9\n${lines(1, 3)}`, top: false });
  });
  test('a truncated stack is completed from the callers, up to the limit', () => {
    const stack = `send@${OWN}:8:100\n${lines(0, 127)}`;
    const result = withoutHookFrames(stack, lines(0, 128), OWN, 128)!;
    expect(result.stack).toBe(lines(0, 128));
    expect(withoutHookFrames(stack, lines(0, 128), OWN, MAX_FRAMES.dom)!.stack).toBe(lines(0, 100));
  });
  test('with no script frame below the wrapper, the stack is empty natively', () => {
    const stack = `send@${OWN}:8:100\npromise callback*f@http://host/p:1:2\n`;
    expect(withoutHookFrames(stack, '', OWN, 128)).toEqual({ stack: '', top: true });
    expect(withoutHookFrames(`send@${OWN}:8:100\n`, '', OWN, 128)).toEqual({ stack: '', top: true });
  });
  test('a page frame above keeps the async parents', () => {
    const stack = `toString@http://host/p:9:9\nW@${OWN}:8:1\npromise callback*f@http://host/p:1:2\n`;
    expect(withoutHookFrames(stack, '', OWN, 128)).toEqual({ stack: 'toString@http://host/p:9:9\npromise callback*f@http://host/p:1:2\n', top: false });
  });
  test('an empty stack (the limit kept only the wrapper\'s hidden frame) becomes the first callers', () => {
    expect(withoutHookFrames('', lines(1, 4), OWN, 1)).toEqual({ stack: lines(1, 2), top: true });
    expect(withoutHookFrames('', lines(1, 4), OWN, 0)).toEqual({ stack: '', top: true });
  });
  test('a stack without our line above the callers is left alone', () => {
    expect(withoutHookFrames(lines(1, 4), lines(2, 4), OWN, 128)).toBeNull();
    expect(withoutHookFrames(`x@${OWN}:1:1\n${lines(1, 3)}`, lines(5, 7), OWN, 128)).toBeNull();
    expect(withoutHookFrames('', '', OWN, 128)).toBeNull();
    expect(withoutHookFrames(`x@${OWN}:1:1`, '', OWN, 128)).toBeNull();
  });
});
