import { useMutation } from '@tanstack/react-query';
import { expectChanges } from '../../shared/freshness';
import { requestLoginCommand } from './api';

/**
 * Issues a login on the explicit click only. gcTime 0: the answer (a password) leaves the
 * mutation cache as soon as the page showing it is gone.
 */
export function useIssueLoginCommand() {
  // A push usually follows a login: tag lists open elsewhere watch for it.
  return useMutation({
    mutationFn: requestLoginCommand,
    gcTime: 0,
    onSuccess: () => expectChanges(),
  });
}
