import { bundleSection } from './bundle.ts';
import { jobListPageSection } from './job-list-page.ts';
import { jobRuntimeSection } from './job-runtime.ts';
import { listApiSection } from './list-api.ts';
import { memorySection } from './memory.ts';
import type { BenchSection } from './section.ts';
import { slurmRuntimeSection } from './slurm-runtime.ts';

/** Every section `npm run bench` runs, in the order; `--only NAME` picks one. */
export const SECTIONS: BenchSection[] = [
  listApiSection,
  bundleSection,
  jobListPageSection,
  jobRuntimeSection,
  slurmRuntimeSection,
  memorySection,
];
