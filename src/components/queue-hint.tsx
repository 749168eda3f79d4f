import { mergeStyleSets } from '@fluentui/react';
import type { JobQueueStatus } from '../../contract/api-types.ts';
import { ordinal, waitingFor } from '../lib/queue-words.ts';

const classes = mergeStyleSets({
  hint: { display: 'block', fontSize: 12, opacity: 0.8, whiteSpace: 'normal', marginTop: 2 },
});

/** Under a waiting job's state in a list: what it waits for ("needs 4 GPUs; 2 free"). */
export function QueueHint({ queue }: { queue: JobQueueStatus }) {
  const place = queue.position === null ? '' : `${ordinal(queue.position)} in its queue: `;
  return (
    <span className={classes.hint} data-testid="queue-hint" title={place + waitingFor(queue)}>
      {waitingFor(queue)}
    </span>
  );
}
