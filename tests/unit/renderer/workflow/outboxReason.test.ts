import { describe, expect, it } from 'vitest';
import { outboxReason } from '../../../../renderer/src/features/workflow/outboxReason';

const at = '2026-11-23T09:00:00.000Z';
const error = { code: 'host_unreachable' as const, message: 'ECONNREFUSED', at };

describe('outboxReason', () => {
  it('says a stopped job is stopped, with its error, online or not', () => {
    expect(outboxReason({ state: 'blocked', lastError: error, nextAttemptAt: at }, false)).toEqual({ kind: 'blocked', code: 'host_unreachable' });
    expect(outboxReason({ state: 'blocked', lastError: null, nextAttemptAt: at }, true)).toEqual({ kind: 'blocked', code: 'internal' });
  });

  it('gives being offline as the reason before an earlier failure', () => {
    expect(outboxReason({ state: 'waiting', lastError: error, nextAttemptAt: at }, false)).toEqual({ kind: 'offline' });
  });

  it('names the failed attempt and when the next one is, when online', () => {
    expect(outboxReason({ state: 'waiting', lastError: error, nextAttemptAt: at }, true)).toEqual({ kind: 'retry', code: 'host_unreachable', at });
  });

  it('says a job in flight is being sent, and a fresh one is queued', () => {
    expect(outboxReason({ state: 'running', lastError: null, nextAttemptAt: at }, true)).toEqual({ kind: 'running' });
    expect(outboxReason({ state: 'waiting', lastError: null, nextAttemptAt: at }, true)).toEqual({ kind: 'waiting' });
  });
});
