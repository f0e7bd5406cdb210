import { describe, expect, it } from 'vitest';
import { ServerMessage, parseClientFrame } from '../../electron/common/protocol.ts';

const hello = { type: 'hello', seq: 0, protocol: 1, role: 'desk', seatId: 'desk-police', token: 'abcdefghijkl' };
const create = {
  type: 'command', seq: 1, commandId: 'cmd-00000001',
  command: { kind: 'case.create', draft: { title: '道路积水', source: 'patrol', urgency: 'urgent', category: '防汛防台' } },
};

describe('protocol', () => {
  it('accepts well-formed hello and command frames and fills defaults', () => {
    expect(parseClientFrame(JSON.stringify(hello))).toMatchObject({ ok: true, message: hello });
    const parsed = parseClientFrame(JSON.stringify(create));
    expect(parsed.ok && parsed.message.type === 'command' && parsed.message.command.kind === 'case.create' && parsed.message.command.draft).toMatchObject({ description: '', address: '' });
  });

  it.each([
    ['not json', '{"type":', 'bad-json', /not valid JSON/],
    ['unknown type', JSON.stringify({ type: 'launch', seq: 1 }), 'unknown-type', /unknown message type "launch"/],
    ['no type', JSON.stringify([1, 2]), 'unknown-type', /unknown message type null/],
    ['missing seq', JSON.stringify({ ...hello, seq: undefined }), 'bad-message', /hello: seq/],
    ['bad role', JSON.stringify({ ...hello, role: 'admin' }), 'bad-message', /role/],
    ['empty title', JSON.stringify({ ...create, command: { ...create.command, draft: { ...create.command.draft, title: '  ' } } }), 'bad-message', /command\.draft\.title: title is empty/],
    ['unknown command', JSON.stringify({ ...create, command: { kind: 'case.delete' } }), 'bad-message', /command\.kind/],
    ['bad location', JSON.stringify({ ...create, command: { ...create.command, draft: { ...create.command.draft, location: { lon: 500, lat: 31 } } } }), 'bad-message', /location\.lon/],
    ['bad seat id', JSON.stringify({ ...hello, seatId: '../etc' }), 'bad-message', /seatId/],
  ])('rejects %s with a code and a message naming the problem', (_name, raw, code, message) => {
    const result = parseClientFrame(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });

  it('validates server messages on the client side too', () => {
    expect(ServerMessage.safeParse({ type: 'heartbeat', seq: 3, at: 1, headSeq: 0 }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'heartbeat', seq: -1, at: 1, headSeq: 0 }).success).toBe(false);
    expect(ServerMessage.safeParse({ type: 'event', seq: 1, event: { type: 'case.created', seq: 1 } }).success).toBe(false);
  });
});
