import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { jsonrpcDecoder } from './jsonrpc';

describe('JSON-RPC 2.0', () => {
  test('rpc-websockets (recorded from its client and server): calls, errors, a notification, its event envelope', () => {
    expect(summaries(decodeFixture('jsonrpc-rpc-websockets'))).toEqual([
      'JSON-RPC sum #1 [5,3]',
      'JSON-RPC result #1 8',
      'JSON-RPC fail #2',
      'JSON-RPC error #2 -32000 Server error: Error ("database is down")',
      'JSON-RPC nope #3 {"x":1}',
      'JSON-RPC error #3 -32601 Method not found',
      'JSON-RPC notification openedNewsModule',
      'JSON-RPC rpc.on #4 ["feedUpdated"]',
      'JSON-RPC error -32601 Method not found',
      'JSON-RPC result #4 {"feedUpdated":"ok"}',
      'JSON-RPC event feedUpdated {"items":2}',
      'JSON-RPC rpc.off #5 ["feedUpdated"]',
      'JSON-RPC result #5 {"feedUpdated":"ok"}',
    ]);
  });

  test('tRPC 11 wsLink (recorded from its client and server): queries, mutations, errors by name, a subscription', () => {
    expect(summaries(decodeFixture('jsonrpc-trpc'))).toEqual([
      'JSON-RPC query #1 greeting {"name":"ada"}',
      'JSON-RPC result #1 data "hello ada"',
      'JSON-RPC mutation #2 addPost {"title":"hi"}',
      'JSON-RPC result #2 data {"id":1,"title":"hi"}',
      'JSON-RPC query #3 secret',
      'JSON-RPC error #3 -32001 UNAUTHORIZED: log in first',
      'JSON-RPC subscription #4 onTick',
      'JSON-RPC result #4 started',
      'JSON-RPC result #4 data {"tick":1}',
      'JSON-RPC result #4 data {"tick":2}',
      'JSON-RPC subscription.stop #4',
      'JSON-RPC notification reconnect',
    ]);
  });

  test('Ethereum (hand-written from the spec and geth docs): batches, subscriptions, error code names', () => {
    expect(summaries(decodeFixture('jsonrpc-ethereum'))).toEqual([
      'JSON-RPC eth_blockNumber #1 []',
      'JSON-RPC result #1 "0x1312d00"',
      'JSON-RPC batch of 2: eth_getBalance #2 ["0x407d73d8a49eeb85d32cf465507dd71d507100c1","latest"] · eth_chainId #3 []',
      'JSON-RPC batch of 2: result #2 "0x0234c8a3397aab58" · result #3 "0x1"',
      'JSON-RPC eth_subscribe #4 ["newHeads"]',
      'JSON-RPC result #4 "0x9cef478923ff08bf67fde6c64013158d"',
      'JSON-RPC notification eth_subscription 0x9cef478923ff08bf67fde6c64013158d {"number":"0x1312d01","hash":"0x7736fab79e05dc611604d22470dadad26f56fe494421b5b333de816ce1f25701"}',
      'JSON-RPC eth_call #5 [{"to":"0x0"},"latest"]',
      'JSON-RPC error #5 -32602 Invalid params: invalid argument 0: hex string has length 1, want 40 for common.Address',
      'JSON-RPC eth_unsubscribe #6 ["0x9cef478923ff08bf67fde6c64013158d"]',
      'JSON-RPC result #6 true',
      'JSON-RPC foo_bar #7',
      'JSON-RPC error #7 -32601 Method not found: the method foo_bar does not exist/is not available',
      '[]',
      'JSON-RPC error -32600 Invalid Request: empty batch',
    ]);
  });

  test('pairing hints: requests with ids, answers, tRPC streams; none for notifications', () => {
    const hints = (name: string) => decodeFixture(name).map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(hints('jsonrpc-trpc').slice(0, 2)).toEqual([
      [{ family: 'jsonrpc', key: '1', role: 'request', method: 'query greeting' }],
      [{ family: 'jsonrpc', key: '1', role: 'stream' }],
    ]);
    expect(hints('jsonrpc-trpc').slice(4, 11)).toEqual([
      [{ family: 'jsonrpc', key: '3', role: 'request', method: 'query secret' }],
      [{ family: 'jsonrpc', key: '3', role: 'response', error: true }],
      [{ family: 'jsonrpc', key: '4', role: 'request', method: 'subscription onTick', stream: true }],
      [{ family: 'jsonrpc', key: '4', role: 'stream' }],
      [{ family: 'jsonrpc', key: '4', role: 'stream' }],
      [{ family: 'jsonrpc', key: '4', role: 'stream' }],
      [{ family: 'jsonrpc', key: '4', role: 'end', by: 'requester' }],
    ]);
    const eth = hints('jsonrpc-ethereum');
    expect(eth[2]).toEqual([
      { family: 'jsonrpc', key: '2', role: 'request', method: 'eth_getBalance' },
      { family: 'jsonrpc', key: '3', role: 'request', method: 'eth_chainId' },
    ]);
    expect(eth[6]).toBeNull(); // eth_subscription notification
    expect(hints('jsonrpc-rpc-websockets')[8]).toBeNull(); // an error with id null answers nothing
  });

  test('string ids keep their type in the key: "1" and 1 are different requests', () => {
    const a = run(jsonrpcDecoder, textInput('{"jsonrpc":"2.0","id":"1","method":"a"}'));
    const b = run(jsonrpcDecoder, textInput('{"jsonrpc":"2.0","id":1,"result":0}'));
    expect(a?.ok && a.pairs?.[0].key).toBe('"1"');
    expect(b?.ok && b.pairs?.[0].key).toBe('1');
  });

  test('guessing wants "jsonrpc": "2.0" or a tRPC shape, and only JSON-RPC keys', () => {
    expect(decodeFrame(textInput('{"jsonrpc":"2.0","method":"ping"}'))?.format).toBe('jsonrpc');
    expect(decodeFrame(textInput('{"id":9,"method":"query","params":{"path":"a.b"}}'))?.format).toBe('jsonrpc');
    expect(decodeFrame(textInput('{"id":9,"result":{"type":"started"}}'))?.format).toBe('jsonrpc');
    expect(decodeFrame(textInput('{"id":9,"method":"get","params":[]}'))?.format).toBe('json');
    expect(decodeFrame(textInput('{"jsonrpc":"2.0","method":"a","extra":1}'))?.format).toBe('json');
    expect(decodeFrame(textInput('[{"jsonrpc":"2.0","method":"a"},{"b":1}]'))?.format).toBe('json');
  });

  test('errors say what is wrong, and where in a batch', () => {
    expect(summary(run(jsonrpcDecoder, textInput('{"jsonrpc":"1.0","method":"a"}')))).toBe('error: "jsonrpc" must be "2.0", not "1.0"');
    expect(summary(run(jsonrpcDecoder, textInput('{"jsonrpc":"2.0","result":1,"error":{"code":1}}')))).toBe('error: a message has exactly one of "method", "result" and "error"');
    expect(summary(run(jsonrpcDecoder, textInput('[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","error":{}}]')))).toBe('error: batch item 1: "error" must be an object with a numeric "code"');
    expect(summary(run(jsonrpcDecoder, textInput('[]')))).toBe('error: empty batch (§6: an empty array is an Invalid Request)');
  });
});
