import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../../shared/session';
import { signIn } from './api';

/** Signs in; the session it answers is the session the console then runs with. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => queryClient.setQueryData(sessionQuery.queryKey, session),
  });
}
