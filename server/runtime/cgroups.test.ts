import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCgroupLayout, type CgroupView } from './cgroups.ts';
import { RuntimePaths } from './paths.ts';
import { createRuntimeApp, oneTaskJob } from './test-kit.ts';

const asRoot = process.getuid?.() === 0;

/** A Debian 12 / Ubuntu 22.04 machine: only cgroup2, with its controllers. */
const UNIFIED: CgroupView = {
  mounts: [
    'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
    'cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0',
  ].join('\n'),
  ownCgroups: '0::/system.slice/pai.service\n',
  v2Controllers: (mount) =>
    mount === '/sys/fs/cgroup' ? 'cpuset cpu io memory hugetlb pids rdma misc\n' : '',
};

/** A "hybrid" machine (this CI's): v1 controllers, and a cgroup2 mount that has none of them. */
const HYBRID: CgroupView = {
  mounts: [
    'tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0',
    'cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0',
    'cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0',
    'cgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0',
    'cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0',
  ].join('\n'),
  ownCgroups: '8:pids:/\n4:memory:/ci/runner-7\n1:cpu:/\n0::/\n',
  v2Controllers: () => 'hugetlb\n',
};

describe('which cgroups a server uses', () => {
  it('uses v2 when the cgroup2 mount has the memory and pids controllers', () => {
    const layout = chooseCgroupLayout(UNIFIED, 'abcd1234');
    expect(layout).not.toBeInstanceOf(Error);
    if (layout instanceof Error) return;
    expect(layout.version).toBe(2);
    expect(Object.fromEntries(layout.bases)).toEqual({
      memory: '/sys/fs/cgroup/pai-abcd1234',
      pids: '/sys/fs/cgroup/pai-abcd1234',
      cpu: '/sys/fs/cgroup/pai-abcd1234',
    });
  });

  it('uses v1 under its own cgroup of each controller when cgroup2 has none of them', () => {
    const layout = chooseCgroupLayout(HYBRID, 'abcd1234');
    if (layout instanceof Error) throw layout;
    expect(layout.version).toBe(1);
    expect(Object.fromEntries(layout.bases)).toEqual({
      memory: '/sys/fs/cgroup/memory/ci/runner-7/pai-abcd1234',
      pids: '/sys/fs/cgroup/pids/pai-abcd1234',
      cpu: '/sys/fs/cgroup/cpu/pai-abcd1234',
    });
  });

  it('uses v2 without cpu when only that controller is missing, and says none is there', () => {
    const noCpu = { ...UNIFIED, v2Controllers: () => 'memory pids' };
    const layout = chooseCgroupLayout(noCpu, 't');
    if (layout instanceof Error) throw layout;
    expect([...layout.bases.keys()]).toEqual(['memory', 'pids']);
    const none = chooseCgroupLayout({ ...UNIFIED, v2Controllers: () => 'cpu io' }, 't');
    expect(none).toEqual(new Error('no cgroup controllers are mounted'));
  });

  it.skipIf(!asRoot)(
    'removes its base cgroups on a clean shutdown once no task is in them',
    { timeout: 60_000 },
    async () => {
      const app = await createRuntimeApp({ runtime: { isolation: 'auto' } });
      const view: CgroupView = {
        mounts: readFileSync('/proc/mounts', 'utf8'),
        ownCgroups: readFileSync('/proc/self/cgroup', 'utf8'),
        v2Controllers: (mount) => readFileSync(join(mount, 'cgroup.controllers'), 'utf8'),
      };
      const layout = chooseCgroupLayout(view, new RuntimePaths(app.dataDir).tag);
      if (layout instanceof Error) throw layout;
      const bases = [...new Set(layout.bases.values())];
      try {
        const jobName = await app.submit(oneTaskJob('echo done'));
        await app.waitForState(jobName, 'SUCCEEDED');
        expect(bases.filter((base) => existsSync(base))).toEqual(bases);
      } finally {
        await app.close();
      }
      expect(bases.filter((base) => existsSync(base))).toEqual([]);
    },
  );
});
