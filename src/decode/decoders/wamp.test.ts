import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { wampDecoder } from './wamp';

const SESSION = [
      'WAMP HELLO realm1 roles: caller,callee,publisher,subscriber',
      'WAMP WELCOME session=9129137332',
      'WAMP SUBSCRIBE 713845233 com.myapp.mytopic1',
      'WAMP SUBSCRIBED 713845233 subscription=5512315355',
      'WAMP PUBLISH 239714735 com.myapp.mytopic1 ["Hello, world!"]',
      'WAMP EVENT subscription=5512315355 publication=4429313566 ["Hello, world!"]',
      'WAMP CALL 7814135 com.myapp.add2 [23,7]',
      'WAMP RESULT 7814135 [30]',
      'WAMP CALL 7814136 com.myapp.nope []',
      'WAMP ERROR CALL 7814136 wamp.error.no_such_procedure',
      'WAMP REGISTER 25349185 com.myapp.myprocedure1',
      'WAMP REGISTERED 25349185 registration=2103333224',
      'WAMP INVOCATION 6131533 registration=2103333224 ["Hello"]',
      'WAMP YIELD 6131533 ["Hello back"]',
      'WAMP GOODBYE wamp.close.system_shutdown',
      'WAMP GOODBYE wamp.close.goodbye_and_out',
];

// Frames written by hand from the WAMP basic profile's message definitions and examples.
describe('WAMP', () => {
  test.each(['wamp-json', 'wamp-msgpack', 'wamp-cbor'])('%s: one session, named messages', (name) => {
    expect(summaries(decodeFixture(name))).toEqual(SESSION);
  });

  test('trees name the fields', () => {
    expect(decodeFixture('wamp-cbor')[9]).toMatchObject({ tree: { message: 'ERROR', code: 8, requestType: 'CALL', request: 7814136, error: 'wamp.error.no_such_procedure' } });
  });

  test('batched transports', () => {
    expect(summary(run(wampDecoder, textInput('[6,{},"a.b"]\u0018[17,1,2]\u0018', { protocol: 'wamp.2.json.batched' })))).toBe('WAMP GOODBYE a.b (+1 more in this batch)');
    expect(summary(run(wampDecoder, bytesInput([0, 0, 0, 3, 0x92, 0x06, 0x80], { protocol: 'wamp.2.msgpack.batched' })))).toBe('error: GOODBYE takes 2 fields after the code, got 1');
  });

  test('errors name the field', () => {
    expect(summary(run(wampDecoder, textInput('[48,"x",{},"p"]', { protocol: 'wamp.2.json' })))).toBe('error: CALL field 1 (request) should be an integer');
    expect(summary(run(wampDecoder, textInput('[99]', { protocol: 'wamp.2.json' })))).toBe('error: unknown WAMP message code 99 at index 0');
  });

  test('guessing needs a complete, well-typed message', () => {
    expect(decodeFrame(textInput('[1,"realm1",{}]'))?.format).toBe('wamp');
    expect(decodeFrame(textInput('[1,2,3]'))?.format).toBe('json');
  });
});
