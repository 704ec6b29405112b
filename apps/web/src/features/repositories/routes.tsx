export { RepositoriesPage, type PickedRepository } from './RepositoriesPage';
export { RepositoryDetailPage, type RepositoryTab } from './RepositoryDetailPage';
