// Replication loads apart from the instance's pages, with its own messages.
import { addPageMessages } from '../../../shared/i18n';
import { replicationMessages } from '../replication-messages';
import { replicationMessagesZh } from '../replication-messages.zh';

addPageMessages(replicationMessages, replicationMessagesZh);

export { ReplicationPage } from '../ReplicationPage';
