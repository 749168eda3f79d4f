import { pagedCases } from './list-cases.ts';
import { largeStore, residentMemory, startSeededServer } from './fixtures/seeded-server.ts';
import { atMost, type BenchSection } from './section.ts';

const MB = 1_000_000;

/**
 * Section 5: the server's resident memory (VmRSS of its process) on the large store, right after
 * start and after serving the list: each list-api request and the portal's first page, ten times.
 */
export const memorySection: BenchSection = {
  name: 'memory',
  async run({ quick }) {
    const jobs = largeStore(quick);
    const target = await startSeededServer(jobs);
    try {
      const pid = target.server.process.pid!;
      const started = residentMemory(pid);
      const paths = [
        ...pagedCases(jobs).map((listCase) => listCase.path),
        'offset=0&limit=20&withTotalCount=true',
      ];
      for (let round = 0; round < (quick ? 3 : 10); round++)
        for (const path of paths) await target.get(`/api/v1/jobs?${path}`);
      const served = residentMemory(pid);
      // A classic client's unpaged request lists every job at once: the worst case there is.
      const everything = (await target.get('/api/v1/jobs')).length;
      const afterEverything = residentMemory(pid);
      const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
      return [
        {
          metric: 'server RSS after start',
          value: started.rss,
          unit: 'B',
          note: `${mb(started.rss)}; ${jobs} jobs in the store`,
        },
        {
          metric: 'server RSS after serving the list',
          value: served.rss,
          unit: 'B',
          // The target is for 100,000 jobs; a quick run's smaller store is only a smoke check.
          ...(quick ? {} : atMost(served.rss, 200 * MB, '200 MB')),
          note: `${mb(served.rss)}; peak ${mb(served.peak)} (VmHWM); ${paths.length} list requests × ${quick ? 3 : 10}`,
        },
        {
          metric: `server peak RSS after one unpaged list of all ${jobs} jobs`,
          value: afterEverything.peak,
          unit: 'B',
          note: `${mb(afterEverything.peak)} (VmHWM); RSS then ${mb(afterEverything.rss)}; a ${mb(everything)} answer`,
        },
      ];
    } finally {
      await target.server.stop();
    }
  },
};
