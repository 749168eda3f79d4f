import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Finite animations still running (rows and dialogs fading in); spinners never end and don't count. */
function runningAnimations(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState !== 'finished' &&
            animation.effect?.getComputedTiming().endTime !== Infinity,
        ).length,
  );
}

/**
 * Serious and critical axe violations on the page once every finite animation has finished (a
 * fading row's colours would be measured half-way), described well enough to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await expect.poll(() => runningAnimations(page)).toBe(0);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`).join('; ')})`,
    );
}
