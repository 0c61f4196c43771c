/**
 * Times page opens interleaved: each round opens every subject once, in an
 * order that rotates from round to round, so that load on the machine falls on
 * Rapport and its floors alike. A subject is a page and the performance mark
 * it sets once its first useful screen is in the DOM; the time is the mark's
 * startTime (from the navigation's start).
 */
import type { Page } from '@playwright/test';

export interface Subject {
  name: string;
  url: string;
  mark: string;
  /**
   * Later marks, each waited for before the next page opens (a panel still reading would slow
   * the next) and recorded as `name:mark`.
   */
  later?: string[];
}

const markTime = async (page: Page, mark: string, timeout: number) => {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
};

/** Opens the subject; its times by mark (the first under the subject's name). */
export async function timeOpen(page: Page, subject: Subject, timeout = 120_000): Promise<Map<string, number>> {
  await page.goto(subject.url);
  const times = new Map([[subject.name, await markTime(page, subject.mark, timeout)]]);
  for (const mark of subject.later ?? []) times.set(`${subject.name}:${mark}`, await markTime(page, mark, timeout));
  return times;
}

export async function interleaved(page: Page, subjects: readonly Subject[], rounds: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  // One unmeasured round: the first open of each page compiles and caches its scripts.
  for (const subject of subjects) await timeOpen(page, subject);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(round + k) % subjects.length]!;
      for (const [name, time] of await timeOpen(page, subject)) times.set(name, [...(times.get(name) ?? []), time]);
    }
  }
  return times;
}
