import {
  mergeStyleSets,
  MessageBar,
  MessageBarType,
  Text,
  useTheme,
  type IDropdown,
} from '@fluentui/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { jobConfigSchema } from '../../../../contract/job-config-schema.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import {
  MonacoEditor,
  type EditorHandle,
  type EditorProblem,
} from '../../../components/monaco/index.ts';
import { saveFile } from '../../../lib/save-file.ts';
import { useUsableVirtualClusters } from '../hooks/use-usable-virtual-clusters.ts';
import { useVirtualClusterFit } from '../hooks/use-virtual-cluster-fit.ts';
import { setValue } from '../config-text/edit-config.ts';
import { locatePath } from '../config-text/json-path.ts';
import { lineColumn } from '../config-text/read-config.ts';
import { useConfigText } from '../hooks/use-config-text.ts';
import { useDraftAutosave } from '../hooks/use-draft-autosave.ts';
import { useFileDrop } from '../hooks/use-file-drop.ts';
import { useLeaveGuard } from '../hooks/use-leave-guard.ts';
import { useReplaceConfig } from '../hooks/use-replace-config.ts';
import type { StartConfig } from '../hooks/use-start-config.ts';
import { useSubmission } from '../hooks/use-submission.ts';
import { asFields, textOf } from '../model/config-view.ts';
import { currentProblems } from '../model/current-problems.ts';
import { clearDraft } from '../model/drafts.ts';
import {
  markersFor,
  ruleProblems,
  unresolved,
  type PathProblem,
} from '../model/problem-markers.ts';
import { freshJobName } from '../model/templates.ts';
import { JobForm } from './job-form.tsx';
import { ProblemList } from './problem-list.tsx';
import { StartNotice } from './start-notice.tsx';
import { SubmitFailureBar } from './submit-failure-bar.tsx';
import { SubmitToolbar } from './submit-toolbar.tsx';
import { VirtualClusterFree } from './virtual-cluster-free.tsx';

const JOB_CONFIG_SCHEMA = { uri: 'pai://schemas/job-config.json', schema: jobConfigSchema };
const MAX_IMPORT_BYTES = 1024 * 1024;

const classes = mergeStyleSets({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)',
    gap: 16,
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  editorColumn: {
    display: 'flex',
    flexDirection: 'column',
    gap: 8,
    minWidth: 0,
    borderRadius: 4,
    outlineOffset: 4,
  },
  formColumn: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', paddingRight: 4 },
});

interface SubmitWorkspaceProps {
  user: string;
  admin: boolean;
  origin: string;
  cloneOf: string | null;
  start: Extract<StartConfig, { status: 'ready' }>;
}

/** The editor and the form over one config text, with submit, templates, import and export. */
export function SubmitWorkspace({ user, admin, origin, cloneOf, start }: SubmitWorkspaceProps) {
  const theme = useTheme();
  const navigate = useNavigate();
  const config = useConfigText(start.startText);
  const { text, reading } = config;
  const editor = useRef<EditorHandle>(null);
  const virtualClusterField = useRef<IDropdown>(null);
  const [problems, setProblems] = useState<EditorProblem[] | null>(null); // null until the editor has loaded
  const [notice, setNotice] = useState<string | null>(null);
  const [submittedJob, setSubmittedJob] = useState<string | null>(null);
  const virtualClusters = useUsableVirtualClusters(user, admin);

  const hasEdits = submittedJob === null && text !== start.startText;
  useDraftAutosave(user, origin, text, start.baseText, submittedJob === null);
  const blocker = useLeaveGuard(hasEdits);
  const replace = useReplaceConfig(
    text !== start.startText && text !== start.baseText,
    config.setText,
  );
  const submission = useSubmission({
    user,
    text,
    reading,
    onSubmitted: (jobName) => {
      clearDraft(user, origin);
      setSubmittedJob(jobName);
    },
  });
  const { failure } = submission;
  // A message about an earlier text is not shown as if it were about this one.
  const shownFailure = failure?.aboutText === text ? failure : null;
  const fit = useVirtualClusterFit(config.lastGoodValue, virtualClusters.data);

  useEffect(() => {
    if (submittedJob !== null)
      navigate(`/jobs/${encodeURIComponent(user)}/${encodeURIComponent(submittedJob)}`);
  }, [submittedJob, user, navigate]);

  const markers = useMemo(() => {
    if (!reading.ok) return [];
    const found: PathProblem[] = ruleProblems(reading.value);
    if (failure?.kind === 'invalid') found.push(...unresolved(text, failure.answered));
    if (shownFailure?.kind === 'virtual-cluster')
      found.push({ path: ['virtualCluster'], message: shownFailure.message });
    return markersFor(text, found);
  }, [reading, text, failure, shownFailure]);

  const showPath = (path: (string | number)[]) => {
    const location = locatePath(text, path);
    if (location) editor.current?.revealOffset(location.offset);
  };
  const importFile = (file: File) => {
    if (file.size > MAX_IMPORT_BYTES)
      return setNotice(`${file.name} is larger than 1 MiB, the most a job config may be.`);
    file.text().then(
      (imported) => replace.request({ what: file.name, text: imported }),
      () => setNotice(`${file.name} could not be read.`),
    );
  };
  const drop = useFileDrop(importFile);
  const jobName = textOf(asFields(config.lastGoodValue).jobName);
  const listed =
    problems &&
    currentProblems({
      text,
      editor: problems.filter((problem) => problem.ownCheck),
      page: reading.ok
        ? [
            ...ruleProblems(reading.value),
            ...fit.problems,
            ...(shownFailure?.kind === 'virtual-cluster'
              ? [{ path: ['virtualCluster'], message: shownFailure.message }]
              : []),
          ]
        : [],
      server:
        failure?.kind === 'invalid'
          ? { text: failure.aboutText, problems: failure.answered }
          : null,
    });
  const syntaxProblem = reading.ok ? null : reading.problems[0]!;

  return (
    <div
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          submission.submit();
        }
      }}
    >
      <SubmitToolbar
        submitting={submission.submitting}
        templateTarget={fit.target}
        onTemplate={(template) =>
          replace.request({
            what: `the ${template.title} template`,
            text: template.text(freshJobName(template.id), fit.target),
          })
        }
        onImport={importFile}
        onExport={() => saveFile(`${jobName || 'job-config'}.json`, text, 'application/json')}
        onSubmit={submission.submit}
      />
      <StartNotice
        start={start}
        cloneOf={cloneOf}
        onDiscardDraft={() =>
          replace.request({ what: 'the config you started from', text: start.baseText })
        }
      />
      {notice && (
        <MessageBar
          messageBarType={MessageBarType.error}
          onDismiss={() => setNotice(null)}
          dismissButtonAriaLabel="Dismiss"
        >
          {notice}
        </MessageBar>
      )}
      {shownFailure && (
        <SubmitFailureBar
          failure={shownFailure}
          onShow={(offset) => editor.current?.revealOffset(offset)}
          onShowPath={showPath}
          onUseName={(name) => {
            config.edit((current) => setValue(current, ['jobName'], name));
            submission.dismissFailure();
          }}
          onShowVirtualCluster={() => virtualClusterField.current?.focus(false)}
          onDismiss={submission.dismissFailure}
        />
      )}
      <div className={classes.columns} style={{ marginTop: 12 }}>
        <div
          className={classes.editorColumn}
          {...drop.handlers}
          style={
            drop.dragging ? { outline: `2px dashed ${theme.palette.themePrimary}` } : undefined
          }
        >
          <MonacoEditor
            ref={editor}
            value={text}
            onChange={config.setText}
            ariaLabel="Job config (JSON). Press Ctrl+M, then Tab, to move focus out of the editor."
            height="max(420px, calc(100vh - 300px))"
            jsonSchema={JOB_CONFIG_SCHEMA}
            markers={markers}
            onProblemsChange={setProblems}
            onCtrlEnter={submission.submit}
          />
          {listed && (
            <ProblemList
              problems={listed}
              serverError={shownFailure !== null}
              onShow={(offset) => editor.current?.revealOffset(offset)}
            />
          )}
          <Text variant="small">
            Drop a .json file here to import it. Ctrl+M, then Tab, moves focus out of the editor.
          </Text>
        </div>
        <div className={classes.formColumn}>
          <VirtualClusterFree cluster={fit.chosen} />
          <JobForm
            config={config.lastGoodValue}
            edit={config.edit}
            syntaxError={
              syntaxProblem && {
                line: lineColumn(text, syntaxProblem.offset).line,
                message: syntaxProblem.message,
              }
            }
            virtualClusters={virtualClusters.data}
            virtualClusterError={
              shownFailure?.kind === 'virtual-cluster' ? shownFailure.message : undefined
            }
            virtualClusterRef={virtualClusterField}
          />
        </div>
      </div>
      {replace.pending && (
        <ConfirmDialog
          title="Replace the config?"
          confirmLabel="Replace"
          onConfirm={replace.confirm}
          onCancel={replace.cancel}
        >
          Your edits will be replaced with {replace.pending.what}. You can undo this in the editor
          (Ctrl+Z).
        </ConfirmDialog>
      )}
      {blocker.state === 'blocked' && (
        <ConfirmDialog
          title="Leave without submitting?"
          confirmLabel="Leave"
          cancelLabel="Stay"
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
        >
          This job has not been submitted. Your draft stays in this browser and comes back when you
          open the submit page again.
        </ConfirmDialog>
      )}
    </div>
  );
}
