import { jobRuntimeSection } from './job-runtime.ts';
import type { BenchSection } from './section.ts';

/** Every section `npm run bench` runs, in order; add new ones here. */
export const SECTIONS: BenchSection[] = [jobRuntimeSection];
