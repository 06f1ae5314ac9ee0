import { describe, expect, it } from 'vitest';
import { jobActions } from '../../../../renderer/src/features/publishing/jobActions';

const at = '2026-11-23T09:00:00.000Z';
const error = (code: 'backend_auth_failed' | 'remote_conflict' | 'backend_unreachable') => ({ code, message: '', at });

describe('jobActions', () => {
  it('offers nothing for a job being sent', () => {
    expect(jobActions({ state: 'running', lastError: null })).toEqual({ retry: false, cancel: false, resolve: false });
  });

  it('offers only cancelling for a job that waits its turn', () => {
    expect(jobActions({ state: 'waiting', lastError: null })).toEqual({ retry: false, cancel: true, resolve: false });
  });

  it('offers trying again now after a failed attempt and when stopped', () => {
    expect(jobActions({ state: 'waiting', lastError: error('backend_unreachable') })).toEqual({ retry: true, cancel: true, resolve: false });
    expect(jobActions({ state: 'blocked', lastError: error('backend_auth_failed') })).toEqual({ retry: true, cancel: true, resolve: false });
  });

  it('offers resolving a conflict instead of retrying it', () => {
    expect(jobActions({ state: 'blocked', lastError: error('remote_conflict') })).toEqual({ retry: false, cancel: true, resolve: true });
  });
});
