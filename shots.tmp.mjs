import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4336';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const which = process.argv[2] ?? 'all';
async function scenario(scheme) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: scheme });
  const page = await ctx.newPage();
  await page.goto(base + '/learn/cases/xiaoli-negotiation/');
  const root = page.locator('[data-quiz-id="case-xiaoli-negotiation"]');
  await root.scrollIntoViewIfNeeded();
  await root.locator('.sc-choice').first().waitFor();
  await root.locator('.sc-choice').nth(1).click();
  await root.locator('.sc-choice').first().click();
  await root.locator('.sc-story').scrollIntoViewIfNeeded();
  await root.screenshot({ path: `/tmp/sp-shots/sc-mid-${scheme}.png` });
  while (await root.locator('.sc-choice').count()) await root.locator('.sc-choice').last().click();
  await root.getByRole('button', { name: '回顾路径' }).click();
  await root.screenshot({ path: `/tmp/sp-shots/sc-end-${scheme}.png` });
  await page.goto(base + '/cases/');
  await page.screenshot({ path: `/tmp/sp-shots/cases-${scheme}.png`, fullPage: false });
  await ctx.close();
}
async function slide(scheme, votes) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: scheme });
  const page = await ctx.newPage();
  const lesson = process.argv[3] ?? 'ability/four-areas';
  await page.goto(base + `/learn/${lesson}/present/`);
  const n = await page.locator('[data-slide]:has(.live-quiz)').first().getAttribute('data-slide');
  await page.goto(base + `/learn/${lesson}/present/?slide=${n}`);
  const slide = page.locator(`[data-slide="${n}"]`);
  await slide.locator('.live-quiz').waitFor();
  await page.waitForTimeout(500);
  if (votes) {
    const plus = slide.locator('.lq-step[aria-label*="多"], .lq-step:has-text("+")');
    const c = await plus.count();
    for (let i = 0; i < c; i++) for (let k = 0; k <= i; k++) await plus.nth(i).click();
  }
  await slide.getByRole('button', { name: '揭晓答案' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/sp-shots/slide-${scheme}-${votes ? 'votes' : 'plain'}.png` });
  await ctx.close();
}
if (which === 'all' || which === 'sc') { await scenario('light'); await scenario('dark'); }
if (which === 'all' || which === 'slide') { await slide('light', true); await slide('dark', true); await slide('light', false); }
await browser.close();
