// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setRuntimeConfig } from './runtime-config.ts';
import { restServerPath } from './rest-link.ts';

describe('restServerPath', () => {
  afterEach(() => setRuntimeConfig({ restServerUri: '' }));

  it('turns a link on the portal origin into an API path', () => {
    const link = `${window.location.origin}/api/v1/jobs/alice~train/ssh/private-key`;
    expect(restServerPath(link)).toBe('/api/v1/jobs/alice~train/ssh/private-key');
    expect(restServerPath('/api/v1/jobs/x/ssh/private-key?x=1')).toBe(
      '/api/v1/jobs/x/ssh/private-key?x=1',
    );
  });

  it('strips the REST server prefix of a remote cluster', () => {
    setRuntimeConfig({ restServerUri: 'https://cluster.example/rest-server' });
    expect(
      restServerPath('https://cluster.example/rest-server/api/v1/jobs/a~b/ssh/private-key'),
    ).toBe('/api/v1/jobs/a~b/ssh/private-key');
  });

  it('refuses links elsewhere, so the token is never sent there', () => {
    setRuntimeConfig({ restServerUri: 'https://cluster.example/rest-server' });
    expect(restServerPath('https://hdfs.example/webhdfs/v1/Container/a/b?op=OPEN')).toBeNull();
    expect(restServerPath('https://cluster.example/other/api/v1/x')).toBeNull();
    expect(restServerPath('https://cluster.example.evil/rest-server/api/v1/x')).toBeNull();
  });
});
