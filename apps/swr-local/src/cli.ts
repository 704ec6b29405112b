import { pino } from 'pino';
import pretty from 'pino-pretty';
import { startSwrLocal } from './start.js';
import { parseOptions, USAGE } from './options.js';

const parsed = parseOptions(process.argv.slice(2));
if ('errors' in parsed) {
  for (const error of parsed.errors) console.error(`swr-local: ${error}`);
  console.error(USAGE);
  process.exit(2);
}

// A person at a terminal reads one short line per event; anything else gets JSON lines.
const human =
  process.env.LOG_FORMAT === 'pretty' ||
  (process.env.LOG_FORMAT !== 'json' && process.stdout.isTTY);
const log = pino(
  { level: process.env.LOG_LEVEL ?? 'info' },
  human
    ? pretty({
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
      })
    : undefined,
);
const running = await startSwrLocal(parsed.options, log);
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
