// `npm test`: lint, typecheck, unit tests (Vitest), build, end-to-end (Playwright, Chromium
// against the devhost; Electron specs where the binary exists). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium.mjs';
import { ensureInstalled } from './ensureInstalled.mjs';
import { TIME_ZONES } from './testTimeZones.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(root);

const chromium = CHROMIUM_PATH;
if (!existsSync(chromium)) {
  console.error(`Melding tests need Chromium at ${chromium}: install it (apt-get install -y chromium) or set MELDING_CHROMIUM.`);
  process.exit(1);
}

// Not under test-results/: Playwright empties that folder when it starts.
const reports = join(root, 'test-reports');
mkdirSync(reports, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(name, command, commandArgs, env = {}) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

const unitReport = join(reports, 'vitest.json');
const e2eReport = join(reports, 'playwright.json');
const tzReports = TIME_ZONES.map((tz) => join(reports, `vitest-tz-${tz.replace('/', '-')}.json`));
// A report left by an earlier run must not be counted when its step does not run this time.
for (const report of [unitReport, e2eReport, ...tzReports]) rmSync(report, { force: true });
const ok =
  step('lint', npm, ['run', '--silent', 'lint']) &&
  step('typecheck', npm, ['run', '--silent', 'typecheck']) &&
  step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]) &&
  step(`time-zone unit tests (${TIME_ZONES.join(', ')})`, process.execPath, [join(root, 'scripts', 'testTimeZones.mjs'), '--report', reports]) &&
  step('build', npm, ['run', '--silent', 'build']) &&
  step('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json,./tests/e2e/skipReasonReporter.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const report of [unitReport, ...tzReports]) {
  if (!existsSync(report)) continue;
  const unit = JSON.parse(readFileSync(report, 'utf8'));
  counts.passed += unit.numPassedTests ?? 0;
  counts.failed += unit.numFailedTests ?? 0;
  counts.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
if (existsSync(e2eReport)) {
  const e2e = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {};
  counts.passed += e2e.expected ?? 0;
  counts.failed += (e2e.unexpected ?? 0) + (e2e.flaky ?? 0);
  counts.skipped += e2e.skipped ?? 0;
}
if (!ok && counts.failed === 0) counts.failed = 1; // lint, typecheck or build failed
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
