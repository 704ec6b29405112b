export { RepositoriesPage } from './RepositoriesPage';
export { RepositoryDetailPage, type RepositoryTab } from './RepositoryDetailPage';
