import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  hasFilters,
  paramsFromView,
  requestFromView,
  viewFromParams,
} from './list-view.ts';

describe('job list view in the URL', () => {
  it('round-trips every filter, the sort and the page', () => {
    const params = new URLSearchParams(
      'keyword=train&user=alice,bob&state=Running,Stopping&vc=default,gpu&legacy=1&sort=name&order=asc&page=3&size=50',
    );
    const view = viewFromParams(params);
    expect(view).toEqual({
      keyword: 'train',
      users: ['alice', 'bob'],
      states: ['Running', 'Stopping'],
      virtualClusters: ['default', 'gpu'],
      legacyOnly: true,
      sort: 'name',
      descending: false,
      page: 3,
      pageSize: 50,
    });
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
  });

  it('keeps plain /jobs plain and ignores values it does not know', () => {
    const view = viewFromParams(
      new URLSearchParams('state=Bogus,Failed&sort=drop table&page=-2&size=7'),
    );
    expect(view.states).toEqual(['Failed']);
    expect(view.sort).toBe('createdTime');
    expect(view.page).toBe(1);
    expect(view.pageSize).toBe(20);
    expect(paramsFromView(viewFromParams(new URLSearchParams())).toString()).toBe('');
  });

  it('turns a view into a server request (page 3 of 50 is offset 100)', () => {
    const view = viewFromParams(
      new URLSearchParams('user=alice&state=Failed&page=3&size=50&keyword=%20x%20'),
    );
    expect(requestFromView(view)).toEqual({
      offset: 100,
      limit: 50,
      usernames: ['alice'],
      states: ['Failed'],
      virtualClusters: undefined,
      keyword: 'x',
      legacyOnly: undefined,
      order: { field: 'createdTime', descending: true },
    });
  });

  it('knows when filters are on and clears them back to page 1, keeping the sort', () => {
    const view = viewFromParams(new URLSearchParams('legacy=1&page=4&sort=name&order=asc'));
    expect(hasFilters(view)).toBe(true);
    const cleared = clearFilters(view);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared.page).toBe(1);
    expect(cleared.sort).toBe('name');
  });
});
