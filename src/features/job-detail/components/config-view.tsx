import { DefaultButton, Spinner, Stack } from '@fluentui/react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { MonacoEditor } from '../../../components/monaco/index.ts';
import { saveFile } from '../../../lib/save-file.ts';
import { useJobConfig } from '../hooks/job-queries.ts';
import type { JobRef } from '../model/job-ref.ts';
import { AccessNotice } from './access-notice.tsx';

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/** The exact submitted text, read-only, with copy and download. */
export function ConfigView({
  job,
  owner,
  mayRead,
}: {
  job: JobRef;
  owner: string;
  mayRead: boolean;
}) {
  const config = useJobConfig(job, mayRead);
  if (!mayRead) {
    return (
      <AccessNotice>
        Only {owner} or an admin can read this job&apos;s config: a config can hold secrets.
      </AccessNotice>
    );
  }
  if (config.isPending) return <Spinner label="Loading the config…" />;
  if (config.isError)
    return (
      <ErrorBar
        error={config.error}
        title="Could not load the config"
        onRetry={() => void config.refetch()}
      />
    );
  const text = config.data;
  const json = looksLikeJson(text);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <CopyButton text={text} label="config" />
        <DefaultButton
          text="Download"
          iconProps={{ iconName: 'Download' }}
          onClick={() =>
            saveFile(
              `${job.name}.${json ? 'json' : 'yaml'}`,
              text,
              json ? 'application/json' : 'text/yaml',
            )
          }
        />
      </Stack>
      <MonacoEditor
        value={text}
        readOnly
        language={json ? 'json' : 'plaintext'}
        ariaLabel={`Config of ${job.name} (read-only)`}
        height="60vh"
      />
    </Stack>
  );
}
