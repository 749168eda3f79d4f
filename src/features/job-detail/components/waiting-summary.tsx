import { MessageBar, MessageBarType } from '@fluentui/react';
import type { JobStatus, Resources } from '../../../../contract/api-types.ts';
import { counted } from '../../../../contract/words.ts';
import { ordinal, waitingFor } from '../../../lib/queue-words.ts';

const resources = (of: Resources) =>
  `${counted(of.cpus, 'CPU')}, ${of.memoryMB} MB of memory and ${counted(of.gpus, 'GPU')}`;

/** Why a waiting job waits: its place in its VC's queue and what it lacks (docs/api.md §5.3). */
export function WaitingSummary({ status }: { status: JobStatus }) {
  const vc = status.virtualCluster;
  const queue = status.queue;
  if (!queue) {
    return (
      <MessageBar messageBarType={MessageBarType.info}>
        Waiting until all its tasks fit in virtual cluster {vc} at once.
      </MessageBar>
    );
  }
  const place =
    queue.position === null
      ? `Waiting in virtual cluster ${vc}`
      : `${ordinal(queue.position)} in the queue of virtual cluster ${vc}`;
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline>
      <div data-testid="queue-status">
        <strong>
          {place}: {waitingFor(queue)}.
        </strong>
      </div>
      <div>
        It takes {resources(queue.needs)} at once
        {queue.free ? `; ${vc} has ${resources(queue.free)} free now` : ''}.
      </div>
    </MessageBar>
  );
}
