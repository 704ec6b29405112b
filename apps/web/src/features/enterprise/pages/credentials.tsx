// The long-term credentials load apart from the instance's pages, with their own messages.
import { addPageMessages } from '../../../shared/i18n';
import { credentialMessages } from '../credentials-messages';
import { credentialMessagesZh } from '../credentials-messages.zh';

addPageMessages(credentialMessages, credentialMessagesZh);

export { CredentialsPage } from '../CredentialsPage';
