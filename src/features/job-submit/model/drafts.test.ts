// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './drafts.ts';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one draft per user and starting point', () => {
    saveDraft('alice', 'new', '{"jobName": "a"}', 1000);
    saveDraft('alice', 'clone:bob~x', '{"jobName": "x-2"}', 1000);
    saveDraft('bob', 'new', '{"jobName": "b"}', 1000);
    expect(loadDraft('alice', 'new')).toEqual({ text: '{"jobName": "a"}', savedAt: 1000 });
    expect(loadDraft('alice', 'clone:bob~x')?.text).toBe('{"jobName": "x-2"}');
    expect(loadDraft('bob', 'new')?.text).toBe('{"jobName": "b"}');
    clearDraft('alice', 'new');
    expect(loadDraft('alice', 'new')).toBeNull();
    expect(loadDraft('bob', 'new')).not.toBeNull();
  });

  it('keeps text that is not valid JSON exactly as typed', () => {
    saveDraft('alice', 'new', '{"jobName": "a",,', 1000);
    expect(loadDraft('alice', 'new')?.text).toBe('{"jobName": "a",,');
  });

  it('forgets drafts older than 30 days when saving', () => {
    saveDraft('alice', 'old', 'x', 0);
    saveDraft('alice', 'new', 'y', 31 * 24 * 3600 * 1000);
    expect(loadDraft('alice', 'old')).toBeNull();
    expect(loadDraft('alice', 'new')?.text).toBe('y');
  });

  it('ignores unreadable entries', () => {
    localStorage.setItem('pai-submit-draft:alice:new', 'not json');
    expect(loadDraft('alice', 'new')).toBeNull();
  });
});
