#!/usr/bin/env node
// End-to-end check of the search page in a real browser (Chromium via the shared
// tools' launcher): loads BASE/search/?q=QUERY, waits for results, and checks that
// each shows a title link under the base path, a kind, a snippet with a <mark>ed match,
// and that dated results show a date; then checks that without JavaScript the page
// lists every briefing. Exit 0 when all holds, 1 otherwise.
//
//   node tools/search_probe.js http://127.0.0.1:PORT/briefings/ lebanon [SHARED_TOOLS]
'use strict';
const path = require('path');

const [base, query, tools] = process.argv.slice(2);
if (!base || !query) {
  console.error('usage: node tools/search_probe.js BASE_URL QUERY [SHARED_TOOLS_DIR]');
  process.exit(2);
}
const { launch } = require(path.resolve(tools || path.join(__dirname, '../../shared/tools'), 'lib/browser'));

function fail(msg) {
  console.log(`search_probe: FAIL ${msg}`);
  process.exitCode = 1;
}

(async () => {
  const basePath = new URL(base).pathname;
  const url = new URL(`search/?q=${encodeURIComponent(query)}`, base).href;
  let { context, close } = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#search-results li', { timeout: 10000 });
    const r = await page.evaluate(() => ({
      status: document.getElementById('search-status').textContent,
      listHidden: document.getElementById('search-all').hidden,
      results: [...document.querySelectorAll('#search-results li')].map((li) => ({
        href: li.querySelector('.result-title a').getAttribute('href'),
        title: li.querySelector('.result-title a').textContent,
        kind: li.querySelector('.kind').textContent,
        date: li.querySelector('time') ? li.querySelector('time').getAttribute('datetime') : '',
        marks: li.querySelectorAll('.snippet mark').length,
      })),
    }));
    console.log(`search_probe: ${url}: ${r.status}`);
    if (errors.length) fail(`JavaScript errors: ${errors.join('; ')}`);
    if (!r.results.length) fail('no results');
    if (!r.listHidden) fail('the list of all pages stays visible during a query');
    for (const x of r.results) {
      console.log(`  ${x.kind} ${x.date || '-'} ${x.title} (${x.href}) marks=${x.marks}`);
      if (!x.href.startsWith(basePath)) fail(`${x.href} is not under ${basePath}`);
      if (!x.title || !x.kind) fail(`result without title or kind: ${x.href}`);
    }
    const briefings = r.results.filter((x) => x.kind === 'Briefing');
    if (!briefings.length) fail('no briefing among the results');
    if (briefings.some((x) => !x.date)) fail('a briefing result has no date');
    if (briefings.some((x) => x.marks === 0)) fail('a briefing snippet marks no match');
  } finally {
    await close();
  }
  // Without JavaScript: the list of every page.
  ({ context, close } = await launch({ javaScriptEnabled: false }));
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    const r = await page.evaluate(() => ({
      formHidden: document.getElementById('search-box').hidden,
      listed: document.querySelectorAll('#search-all .page-index li').length,
    }));
    console.log(`search_probe: without JavaScript: ${r.listed} pages listed, form hidden: ${r.formHidden}`);
    if (!r.formHidden) fail('the search form shows without JavaScript');
    if (r.listed < 2) fail('the page does not list the pages without JavaScript');
  } finally {
    await close();
  }
  if (!process.exitCode) console.log('search_probe: ok');
})().catch((e) => {
  console.log(`search_probe: FAIL ${e.message}`);
  process.exit(1);
});
