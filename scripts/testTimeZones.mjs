// `npm run test:tz`: the workflow, sperrefrist and Oslo-time unit tests again with the machine's
// time zone set to UTC and to America/New_York, so nothing in them leans on the local zone.
// `npm test` runs this too (scripts/test.mjs) and counts its tests; with `--report <dir>` each
// run writes a Vitest JSON report there.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const TIME_ZONES = ['UTC', 'America/New_York'];

export const TIME_ZONE_TESTS = [
  'tests/unit/shared/domain/workflow.test.ts',
  'tests/unit/shared/domain/embargo.test.ts',
  'tests/unit/shared/domain/preflight.test.ts',
  'tests/unit/shared/domain/approvalHash.test.ts',
  'tests/unit/shared/domain/osloTime.test.ts',
  'tests/unit/shared/domain/osloTimeEntry.test.ts',
];

/** Runs the suite once per zone; answers true when every run passed. */
export function runTimeZoneTests(reportDir = null) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  let allPassed = true;
  for (const tz of TIME_ZONES) {
    console.log(`--- TZ=${tz}`);
    const report = reportDir ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `vitest-tz-${tz.replace('/', '-')}.json`)}`] : [];
    const result = spawnSync(npx, ['vitest', 'run', ...report, ...TIME_ZONE_TESTS], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: tz } });
    if (result.status !== 0) allPassed = false;
  }
  return allPassed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--report');
  process.exit(runTimeZoneTests(at > 0 ? process.argv[at + 1] : null) ? 0 : 1);
}
