import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useEffect, useRef } from 'react';
import {
  deletionsQuery,
  forgetMine,
  secondsLeft,
  useMyDeletions,
  WAITING,
  type Deletion,
} from '../deletions';
import { useT } from '../i18n';
import { swrKeys } from '../keys';
import { useNotices } from '../notices';
import { describeDeletion, UndoButton, useNow, useUndo } from './HeldMark';

/** Above this many, the bar offers one Undo for all of them (a batch of tags, say). */
const LISTED = 3;

/**
 * The bar at the bottom of every signed-in page: what this tab asked to delete, counting down to
 * when the BFF sends it, with Undo. When a held deletion ends (here or in another tab), what the
 * page shows of its region is read again; this tab's own say how they ended.
 */
export function HeldDeletions() {
  const t = useT();
  const notices = useNotices();
  const queryClient = useQueryClient();
  const mine = useMyDeletions();
  const { data = [] } = useQuery(deletionsQuery);
  const undo = useUndo();

  const seen = useRef(new Map<string, Deletion['state']>());
  useEffect(() => {
    for (const deletion of data) {
      const before = seen.current.get(deletion.id);
      seen.current.set(deletion.id, deletion.state);
      if (!before || !WAITING.has(before) || WAITING.has(deletion.state)) continue;
      if (deletion.state === 'done' || deletion.state === 'failed')
        void queryClient.invalidateQueries({ queryKey: swrKeys.region(deletion.region) });
      if (!mine.includes(deletion.id)) continue;
      forgetMine(deletion.id);
      const what = describeDeletion(t, deletion);
      if (deletion.state === 'failed')
        notices.error(
          t('deletion.failed', {
            what,
            message: deletion.result?.message ?? deletion.result?.code ?? '',
          }),
        );
    }
  }, [data, mine, queryClient, notices, t]);

  const waiting = data.filter((d) => mine.includes(d.id) && WAITING.has(d.state));
  const now = useNow(waiting.length > 0);
  if (waiting.length === 0) return null;
  const pending = waiting.filter((d) => d.state === 'pending');
  return (
    <section className="console-held" aria-label={t('deletion.undo')}>
      {waiting.length > LISTED ? (
        <Flex gap={12} align="center" wrap>
          <span>
            {t('deletion.many', {
              count: waiting.length,
              seconds: Math.max(...waiting.map((d) => secondsLeft(d, now))),
            })}
          </span>
          {pending.length > 0 ? (
            <Button
              size="small"
              type="primary"
              onClick={() => void Promise.all(pending.map((d) => undo(d)))}
            >
              {t('deletion.undoAll')}
            </Button>
          ) : null}
        </Flex>
      ) : (
        <Flex vertical gap={4}>
          {waiting.map((deletion) => {
            const what = describeDeletion(t, deletion);
            return (
              <Flex key={deletion.id} gap={12} align="center" wrap>
                <span>
                  {deletion.state === 'pending'
                    ? t('deletion.deleting', { what, seconds: secondsLeft(deletion, now) })
                    : t('deletion.sending', { what })}
                </span>
                <UndoButton deletion={deletion} what={what} primary />
              </Flex>
            );
          })}
        </Flex>
      )}
    </section>
  );
}
