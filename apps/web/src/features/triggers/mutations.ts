import type { CreateTriggerBody } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTrigger, deleteTrigger, setTriggerEnabled, type RepositoryRef } from './api';
import { triggerKeys } from './queries';

/** SWR can change only whether a trigger is on. */
export function useSetTriggerEnabled(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, enabled }: { name: string; enabled: boolean }) =>
      setTriggerEnabled(ref, name, enabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggerKeys.all(ref) }),
  });
}

export function useDeleteTrigger(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteTrigger(ref, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggerKeys.all(ref) }),
  });
}

/** What saving the trigger dialog sends: a switch on or off, or a trigger to create. */
export type TriggerSave =
  | { name: string; enabled: boolean }
  | {
      body: CreateTriggerBody;
      /** An edit SWR cannot make in place deletes this trigger before creating the new one. */
      replacing?: string;
      /** Told once it is deleted: if the create then fails, saving again only creates. */
      onReplaced?: () => void;
    };

/** Refreshed even when it fails: an edit may have deleted the old trigger already. */
export function useSaveTrigger(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (save: TriggerSave) => {
      if (!('body' in save)) return setTriggerEnabled(ref, save.name, save.enabled);
      if (save.replacing !== undefined) {
        await deleteTrigger(ref, save.replacing, { held: false });
        save.onReplaced?.();
      }
      await createTrigger(ref, save.body);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: triggerKeys.all(ref) }),
  });
}
