import { DefaultButton, Link, MessageBar, MessageBarType, Stack } from '@fluentui/react';
import { useState } from 'react';
import { errorMessage } from '../../../lib/pai-error.ts';
import { saveFile } from '../../../lib/save-file.ts';
import { downloadPrivateKey } from '../../../api/jobs/get-ssh-private-key.ts';
import { restServerPath } from '../../../lib/rest-link.ts';

/** Fetches the key with the person's token and saves it; a link elsewhere (a cluster's storage) is offered as a link. */
export function KeyDownload({ link, fileName }: { link: string; fileName: string }) {
  const [state, setState] = useState<{ busy: boolean; error: unknown; saved: boolean }>({
    busy: false,
    error: null,
    saved: false,
  });
  const path = restServerPath(link);
  if (!path) {
    return (
      <Link href={link} target="_blank" rel="noreferrer">
        Download private key from the cluster&apos;s storage ({fileName})
      </Link>
    );
  }
  const download = () => {
    setState({ busy: true, error: null, saved: false });
    downloadPrivateKey(path).then(
      (blob) => {
        saveFile(fileName, blob);
        setState({ busy: false, error: null, saved: true });
      },
      (error: unknown) => setState({ busy: false, error, saved: false }),
    );
  };
  return (
    <Stack tokens={{ childrenGap: 4 }} horizontalAlign="start">
      <DefaultButton
        text={state.busy ? 'Downloading…' : 'Download private key'}
        iconProps={{ iconName: 'Download' }}
        disabled={state.busy}
        onClick={download}
      />
      <span role="status">{state.saved ? `Saved as ${fileName} in your downloads.` : ''}</span>
      {state.error !== null && (
        <MessageBar messageBarType={MessageBarType.error}>
          The key could not be downloaded: {errorMessage(state.error)}
        </MessageBar>
      )}
    </Stack>
  );
}
