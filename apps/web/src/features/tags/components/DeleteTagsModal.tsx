import { ApiError, type TagListItem } from '@swr-console/swr-api';
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, theme } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/format';
import { bff } from '../../../shared/http';
import { swrKeys } from '../../../shared/keys';
import type { BatchOutcome } from '../../../shared/batch';
import { explain } from '../../../shared/errors';
import { useT, type Translate } from '../../../shared/i18n';
import { tagsKeepingImage } from '../digests';
import { useDeleteTags } from '../mutations';
import { DeleteTagsReport, type DeleteResult } from './DeleteTagsReport';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { deleteTagCall } from '../api';

type Phase = 'confirm' | 'running' | 'done';

/** A tag's line in the report. */
function toResult(outcome: BatchOutcome<string, boolean>, t: Translate): DeleteResult {
  const tag = outcome.item;
  if (outcome.status === 'done') return { tag, status: outcome.value ? 'held' : 'deleted' };
  if (outcome.status === 'skipped') return { tag, status: 'skipped' };
  const { error } = outcome;
  return {
    tag,
    status: 'failed',
    message: explain(error, t),
    code: error instanceof ApiError ? error.code : undefined,
  };
}

/** Deleted now, or found already deleted (404): either way the tag is gone. */
const isGone = (outcome: BatchOutcome<string, boolean>) =>
  outcome.status === 'done' ||
  (outcome.status === 'failed' &&
    outcome.error instanceof ApiError &&
    outcome.error.status === 404);

/**
 * Deletes the chosen tags after a confirmation that names every one of them, one call per tag
 * (SWR has no batch delete), and reports each tag's outcome. Closing is refused while it runs;
 * "stop" ends it after the tag in flight.
 */
export function DeleteTagsModal({
  region,
  namespace,
  repository,
  tags,
  loaded,
  onClose,
  onDeleted,
}: {
  region: string;
  namespace: string;
  repository: string;
  /** The tags to delete; the dialog is open while there are some. */
  tags: TagListItem[];
  /** The rows on screen, to tell which images other tags keep. */
  loaded: TagListItem[];
  onClose: () => void;
  /** Called with the tags that are gone: deleted now, or found already deleted (404). */
  onDeleted: (tags: string[]) => void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const remove = useDeleteTags(region, namespace, repository);
  const [phase, setPhase] = useState<Phase>('confirm');
  const [results, setResults] = useState<DeleteResult[]>([]);
  const stop = useRef<AbortController>(undefined);
  const keeping = useMemo(() => tagsKeepingImage(tags, loaded), [tags, loaded]);
  // What the registry would really free: layers no tag that stays uses (read by the BFF).
  const freed = useQuery({
    queryKey: [
      ...swrKeys.repository(region, namespace, repository),
      'freed',
      tags.map((tag) => tag.Tag).sort(),
    ],
    queryFn: ({ signal }) =>
      bff.call(
        'EstimateTagDeletion',
        {
          params: { region },
          query: { namespace, repository, tag: tags.map((tag) => tag.Tag) },
        },
        { signal },
      ),
    enabled: tags.length > 0 && tags.length <= 1000 && phase === 'confirm',
    staleTime: 30_000,
    retry: false,
  });
  const name = `${namespace}/${repository}`;

  function run() {
    setPhase('running');
    stop.current = new AbortController();
    remove.mutate(
      {
        tags: tags.map((tag) => tag.Tag),
        signal: stop.current.signal,
        // Progress counts the tags tried; the skipped ones join the report at the end.
        onProgress: (known) =>
          setResults(
            known.filter((outcome) => outcome.status !== 'skipped').map((o) => toResult(o, t)),
          ),
      },
      {
        onSuccess: (outcomes) => {
          setResults(outcomes.map((outcome) => toResult(outcome, t)));
          setPhase('done');
          onDeleted(outcomes.filter(isGone).map((outcome) => outcome.item));
        },
      },
    );
  }

  const close = () => {
    setPhase('confirm');
    setResults([]);
    onClose();
  };
  const deleted = results.filter((result) => result.status === 'deleted').length;
  const held = results.filter((result) => result.status === 'held').length;
  const footer =
    phase === 'confirm' ? (
      <Flex justify="end" gap={8}>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button danger type="primary" onClick={run}>
          {t('tags.delete.ok', { count: tags.length })}
        </Button>
      </Flex>
    ) : phase === 'running' ? (
      <Button onClick={() => stop.current?.abort()}>{t('tags.delete.stop')}</Button>
    ) : (
      <Button type="primary" onClick={close}>
        {t('common.close')}
      </Button>
    );

  return (
    <Modal
      open={tags.length > 0}
      title={t('tags.delete.title', { count: tags.length, repository: name })}
      footer={footer}
      closable={phase !== 'running'}
      mask={{ closable: phase !== 'running' }}
      keyboard={phase !== 'running'}
      onCancel={close}
      width={640}
      destroyOnHidden
    >
      {phase === 'confirm' ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('tags.delete.what', { count: tags.length, repository: name })}
          </Typography.Paragraph>
          <Typography.Paragraph role="status" type="secondary" style={{ margin: 0 }}>
            {freed.data
              ? t('tags.delete.frees', {
                  bytes: formatBytes(freed.data.bytesFreed),
                  exact: freed.data.bytesFreed.toLocaleString(),
                })
              : freed.isFetching
                ? t('tags.delete.freesReading')
                : freed.error
                  ? t('tags.delete.freesUnknown')
                  : null}
          </Typography.Paragraph>
          {keeping.size > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('tags.delete.keptWarning', { count: keeping.size })}
            />
          ) : null}
          <div
            tabIndex={0}
            role="group"
            aria-label={t('tags.delete.list')}
            style={{ maxHeight: 320, overflow: 'auto' }}
          >
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {tags.map(({ Tag: tag }) => (
                <li key={tag}>
                  <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                    {tag}
                  </Typography.Text>
                  {keeping.has(tag) ? (
                    <Typography.Text>
                      {' '}
                      <WarningOutlined style={{ color: token.colorWarning }} aria-hidden />{' '}
                      {t('tags.delete.kept', { tags: keeping.get(tag)!.join(', ') })}
                    </Typography.Text>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
          <ShowRequest
            region={region}
            calls={() => tags.map(({ Tag: tag }) => deleteTagCall(namespace, repository, tag))}
          />
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          {phase === 'running' ? (
            <Progress
              percent={Math.round((results.length / tags.length) * 100)}
              aria-label={t('tags.delete.progress', { done: results.length, count: tags.length })}
            />
          ) : (
            <Alert
              type={deleted + held === tags.length ? 'success' : 'warning'}
              showIcon
              role="status"
              title={
                held > 0
                  ? t('tags.delete.summary.held', { held, count: tags.length })
                  : t('tags.delete.summary', { deleted, count: tags.length })
              }
            />
          )}
          <DeleteTagsReport results={results} />
        </Flex>
      )}
    </Modal>
  );
}
