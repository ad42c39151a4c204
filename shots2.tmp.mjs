import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4336';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const scheme of ['light', 'dark']) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
  const page = await ctx.newPage();
  await page.goto(base + '/learn/cases/xiaoli-negotiation/');
  const root = page.locator('[data-quiz-id="case-xiaoli-negotiation"]');
  await root.scrollIntoViewIfNeeded();
  await root.locator('.sc-choice').first().waitFor();
  await root.locator('.sc-choice').nth(1).click();
  while (await root.locator('.sc-choice').count()) await root.locator('.sc-choice').last().click();
  await root.locator('.sc-ending').scrollIntoViewIfNeeded();
  await root.locator('.sc-ending h4').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => scrollBy(0, -80));
  await page.screenshot({ path: `/tmp/sp-shots/end-top-${scheme}.png` });
  await root.getByRole('button', { name: '回顾路径' }).click();
  await root.locator('.sc-path').first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => scrollBy(0, -80));
  await page.screenshot({ path: `/tmp/sp-shots/end-review-${scheme}.png` });
  await ctx.close();
}
await browser.close();
