import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  checkShare,
  createShare,
  deleteShare,
  updateShare,
  type RepositoryRef,
  type ShareTerms,
} from './api';
import { sharingKeys } from './queries';

/** Shares the repository with `account`, or changes the terms of its share (`existing`). */
export function useSaveShare(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      account,
      terms,
      existing,
    }: {
      account: string;
      terms: ShareTerms;
      existing: boolean;
    }) => (existing ? updateShare(ref, account, terms) : createShare(ref, account, terms)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.all(ref) }),
  });
}

export function useDeleteShare(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: string) => deleteShare(ref, account),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.all(ref) }),
  });
}

/** Asks SWR whether an account can pull the repository now; it changes nothing. */
export function useCheckShare(ref: RepositoryRef) {
  return useMutation({ mutationFn: (account: string) => checkShare(ref, account) });
}
