// The long-term credentials load apart from the instance's pages.
export { CredentialsPage } from '../CredentialsPage';
