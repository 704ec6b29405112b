// Benchmark: Lighthouse's performance audit (its default simulated throttling, a mobile profile)
// of the sign-in page and of a repository's tags page, in Debian's Chromium, on the built console
// in front of a sandbox with demo data. Run after npm run build: npx tsx bench/web-lighthouse.ts
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { signIn, startBff, startSandbox } from './stack.js';

const RUNS = Number(process.env.RUNS ?? 3);
/** DETAIL=1: also where the time goes in the last run of each page. */
const DETAIL = process.env.DETAIL === '1';

const sandbox = await startSandbox(29_700);
const bff = await startBff(sandbox, 29_710);
const root = sandbox.endpoints.accounts[0]!.users[0]!;
const { cookie } = await signIn(bff.base, {
  method: 'aksk',
  accessKey: root.access_key,
  secretKey: root.secret_key,
});

const chrome = await launch({
  chromePath: chromiumLaunchOptions.executablePath,
  chromeFlags: [...(chromiumLaunchOptions.args ?? []), '--headless=new'],
});

const pages: { name: string; url: string; headers: Record<string, string> }[] = [
  { name: 'sign-in', url: `${bff.base}/sign-in`, headers: {} },
  {
    name: 'tags of team-web/frontend',
    url: `${bff.base}/cn-north-4/repositories/team-web/frontend/tags`,
    headers: { cookie },
  },
];

/**
 * The main thread's work by kind and the costliest scripts. (Lighthouse 12.2.3 cannot name the LCP
 * element with Debian's Chromium: its trace-elements gatherer fails.)
 */
function whereTheTimeGoes(audits: Result['audits']): string {
  const items = (id: string) =>
    (audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const lines: string[] = [];
  const work = items('mainthread-work-breakdown') as { groupLabel: string; duration: number }[];
  lines.push(
    `  main thread: ${work.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(', ')}`,
  );
  const scripts = items('bootup-time') as { url: string; total: number; scripting: number }[];
  for (const script of scripts.slice(0, 5))
    lines.push(
      `  script ${script.url.replace(/^https?:\/\/[^/]+/, '')}: ${Math.round(script.total)} ms (${Math.round(script.scripting)} ms running)`,
    );
  return lines.join('\n');
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`Lighthouse ${RUNS} runs per page, medians.`);
console.log(
  '| page | performance | first contentful paint | largest contentful paint | total blocking time |',
);
console.log('|---|---|---|---|---|');
try {
  for (const page of pages) {
    const runs: { score: number; fcp: number; lcp: number; tbt: number }[] = [];
    let detail = '';
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        onlyCategories: ['performance'],
        extraHeaders: page.headers,
        logLevel: 'error',
      });
      const { categories, audits } = result!.lhr;
      runs.push({
        score: Math.round((categories.performance!.score ?? 0) * 100),
        fcp: audits['first-contentful-paint']!.numericValue!,
        lcp: audits['largest-contentful-paint']!.numericValue!,
        tbt: audits['total-blocking-time']!.numericValue!,
      });
      if (DETAIL) detail = whereTheTimeGoes(audits);
    }
    const of = (key: 'score' | 'fcp' | 'lcp' | 'tbt') => median(runs.map((run) => run[key]));
    console.log(
      `| ${page.name} | ${of('score')} | ${(of('fcp') / 1000).toFixed(2)} s | ${(of('lcp') / 1000).toFixed(2)} s | ${Math.round(of('tbt'))} ms |`,
    );
    if (detail) console.log(detail);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  chrome.kill();
  process.exit();
}
