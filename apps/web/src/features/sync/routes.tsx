export { BatchAutoSyncButton } from './components/BatchAutoSyncButton';
export { SyncPanel } from './SyncPanel';
