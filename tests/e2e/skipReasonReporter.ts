import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints why a test was skipped, so "skipped" never hides a reason. */
export default class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    process.stdout.write(`skipped: ${test.titlePath().slice(1).join(' › ')} (${reason})\n`);
  }
}
