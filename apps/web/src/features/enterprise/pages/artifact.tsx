// An artifact's page loads apart from its namespace's.
export { ArtifactPage } from '../ArtifactPage';
