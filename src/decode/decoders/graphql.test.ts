import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { findOperation } from '../support/graphql-operation';
import { graphqlDecoder } from './graphql';

describe('GraphQL over WebSocket', () => {
  test('graphql-transport-ws, recorded from graphql-ws 6 client and server', () => {
    expect(summaries(decodeFixture('graphql-transport-ws'))).toEqual([
      'GraphQL connection_init {"token":"secret"}',
      'GraphQL connection_ack',
      'GraphQL subscribe 1 query Hello {"name":"ada"}',
      'GraphQL next 1 {"data":{"hello":"Hello ada"}}',
      'GraphQL complete 1',
      'GraphQL subscribe 2 subscription OnMessage',
      'GraphQL next 2 {"data":{"messageAdded":{"id":"1","text":"message 1"}}}',
      'GraphQL next 2 {"data":{"messageAdded":{"id":"2","text":"message 2"}}}',
      'GraphQL complete 2',
      'GraphQL subscribe 3 query',
      'GraphQL error 3 Cannot query field "nope" on type "Query".',
      'GraphQL ping',
      'GraphQL pong',
    ]);
  });

  test('subscriptions-transport-ws (subprotocol graphql-ws), written from its PROTOCOL.md', () => {
    expect(summaries(decodeFixture('graphql-ws-legacy'))).toEqual([
      'GraphQL connection_init {"authToken":"abc"}',
      'GraphQL connection_ack',
      'GraphQL ka',
      'GraphQL start 1 subscription OnMessage {"room":"1"}',
      'GraphQL data 1 {"data":{"messageAdded":{"id":"1","text":"hi"}}}',
      'GraphQL stop 1',
      'GraphQL complete 1',
      'GraphQL start 2 query',
      'GraphQL error 2 Cannot query field "nope" on type "Query".',
      'GraphQL connection_terminate',
    ]);
  });

  test('the tree names the protocol and the operation', () => {
    const result = decodeFrame(textInput('{"id":"1","type":"subscribe","payload":{"query":"subscription OnMessage { m }"}}', { protocol: 'graphql-transport-ws' }));
    expect(result).toMatchObject({ tree: { protocol: 'graphql-transport-ws', id: '1', type: 'subscribe', operation: { type: 'subscription', name: 'OnMessage' } } });
  });

  test('operation names: comments, fragments, strings, shorthand, operationName', () => {
    expect(findOperation('# query Fake\nfragment F on T { a } mutation Save($x: String = "query Q") { save }')).toEqual({ type: 'mutation', name: 'Save' });
    expect(findOperation('{ a }')).toEqual({ type: 'query' });
    expect(findOperation('query A { a } query B { b }', 'B')).toEqual({ type: 'query', name: 'B' });
    expect(findOperation('query @live { a }')).toEqual({ type: 'query' });
    expect(findOperation('')).toBeNull();
  });

  test('results with errors, and errors', () => {
    expect(summary(run(graphqlDecoder, textInput('{"id":"4","type":"next","payload":{"errors":[{"message":"boom"}],"data":null}}')))).toBe('GraphQL next 4 errors: boom');
    expect(summary(run(graphqlDecoder, textInput('{"type":"hello"}', { protocol: 'graphql-transport-ws' })))).toBe('error: unknown message type "hello"');
    expect(summary(run(graphqlDecoder, textInput('{"type":"ka"}', { protocol: 'graphql-transport-ws' })))).toBe('error: unknown message type "ka"');
    expect(summary(run(graphqlDecoder, textInput('{"type":', { protocol: 'graphql-transport-ws' })))).toBe('error: unexpected end of input at position 8 (line 1, column 9): expected a value');
  });

  test('guessing: only objects of {type, id, payload} with a known type', () => {
    expect(decodeFrame(textInput('{"type":"connection_ack"}'))?.format).toBe('graphql');
    expect(decodeFrame(textInput('{"type":"next","id":"1","payload":{},"extra":1}'))?.format).toBe('json');
    expect(run(graphqlDecoder, textInput('{"type":"ping","x":1}'), true)).toBeNull();
  });
});
