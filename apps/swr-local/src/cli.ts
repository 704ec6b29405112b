import { startSwrLocal } from './start.js';
import { parseOptions, USAGE } from './options.js';

const parsed = parseOptions(process.argv.slice(2));
if ('errors' in parsed) {
  for (const error of parsed.errors) console.error(`swr-local: ${error}`);
  console.error(USAGE);
  process.exit(2);
}

const running = await startSwrLocal(parsed.options);
console.warn(`swr-local ready: ${running.endpointsFile}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.warn(`swr-local: ${signal}, stopping`);
  await running.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
