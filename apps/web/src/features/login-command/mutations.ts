import { useMutation } from '@tanstack/react-query';
import { requestLoginCommand } from './api';

/**
 * Issues a login on the explicit click only. gcTime 0: the answer (a password) leaves the
 * mutation cache as soon as the page showing it is gone.
 */
export function useIssueLoginCommand() {
  return useMutation({ mutationFn: requestLoginCommand, gcTime: 0 });
}
