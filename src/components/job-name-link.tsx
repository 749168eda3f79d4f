import { Link as FluentLink } from '@fluentui/react';
import { Link } from 'react-router';
import { jobDetailPath, type JobRef } from '../lib/job-links.ts';
import { LegacyBadge } from './legacy-badge.tsx';

/** A job's name linking to its page, with the legacy badge where it applies. */
export function JobNameLink({ job }: { job: JobRef }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, maxWidth: '100%' }}>
      {/* In a list with selection, a press on the name opens the job; it does not select it. */}
      <FluentLink
        as={Link}
        data-selection-disabled
        to={jobDetailPath(job)}
        style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {job.name}
      </FluentLink>
      {job.legacy ? <LegacyBadge /> : null}
    </span>
  );
}
