import { describe, expect, it } from 'vitest';
import type { BackendView } from '../../../../shared/domain/publishing';
import { actionFromStatus, isAnnounced, jobFate, siteName, webUrl } from '../../../../renderer/src/features/publishing/finishedNotice';

const wordpress = (label: string): BackendView => ({
  config: { kind: 'wordpress', id: 'wp-test1', label, siteUrl: 'http://127.0.0.1:8081', userName: 'admin', withdrawMode: 'draft' },
  hasPassword: true,
  lastReport: null,
});

describe('finished jobs', () => {
  it('tells about steps that change the site, not about approvals', () => {
    expect(isAnnounced('publish')).toBe(true);
    expect(isAnnounced('sync')).toBe(true);
    expect(isAnnounced('approve')).toBe(false);
  });

  it('reads a job gone from the outbox as done, a stopped one as failed, a running one as not known yet', () => {
    expect(jobFate(undefined)).toEqual({ kind: 'done' });
    expect(jobFate({ state: 'blocked', lastError: { code: 'backend_auth_failed' } })).toEqual({ kind: 'failed', code: 'backend_auth_failed', blocked: true });
    expect(jobFate({ state: 'running', lastError: null })).toEqual({ kind: 'unknown' });
  });

  it('names the site by its label, else by its host', () => {
    expect(siteName(wordpress('Departementet'))).toBe('Departementet');
    expect(siteName(wordpress(' '))).toBe('127.0.0.1:8081');
    expect(siteName(null)).toBe('');
  });

  it('links only web addresses', () => {
    expect(webUrl('https://www.regjeringen.no/sak')).toBe('https://www.regjeringen.no/sak');
    expect(webUrl('file:///home/x/site/index.html')).toBeNull();
    expect(webUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('actionFromStatus', () => {
  it('reads the step from where the document stands, and nothing from a draft or an approval', () => {
    expect(actionFromStatus('publisert')).toBe('publish');
    expect(actionFromStatus('avpublisert')).toBe('unpublish');
    expect(actionFromStatus('planlagt')).toBe('schedule');
    expect(actionFromStatus('godkjent')).toBeNull();
  });
});
