// page.test.js - opens relgraph's interactive page (render -o x.html) in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// and uses it as a reader would: searches an actor by its Persian and Arabic
// names, clicks a tie, reads the evidence list.  The corpus (corpus.jsonl)
// carries <script>, onerror= and </script> in article text; the page must
// show them as text and never run them.  Prints TAP lines; exit 1 on failure.
//   node tests/browser/page.test.js [path/to/relgraph]   (default $RG or build/relgraph)
'use strict';

const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const here = __dirname;
const rg = process.argv[2] || process.env.RG || path.join(here, '..', '..', 'build', 'relgraph');
let n = 0, failed = 0;
function ok(cond, name, detail) {
	n++;
	if (cond) {
		console.log(`ok ${n} - ${name}`);
	} else {
		failed++;
		console.log(`not ok ${n} - ${name}`);
		if (detail !== undefined)
			console.log('#   ' + JSON.stringify(detail));
	}
}

async function main() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-page-'));
	const page_path = path.join(tmp, 'graph.html');
	execFileSync(rg, ['render', '-q', '-o', page_path, '--title', 'Talks <b>&amp;</b> borders',
		path.join(here, 'corpus.jsonl')], { stdio: ['ignore', 'inherit', 'inherit'] });
	const html = fs.readFileSync(page_path, 'utf8');
	// the raw file: the article's markup exists only as \u-escaped JSON
	ok(!/<script>window\.__relgraphXSS/i.test(html) && !/<img /i.test(html),
		'file: no article markup survives unescaped');
	ok(html.includes('\\u003cscript\\u003ewindow.__relgraphXSS'), 'file: <script> of the article is \\u003c-escaped JSON');
	ok(!/(src|href)=["']?(https?:)?\/\//i.test(html), 'file: no reference to the network');

	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		const errors = [], requests = [], dialogs = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
		page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
		page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
		await page.goto('file://' + page_path);
		await page.waitForSelector('#canvas svg');

		ok(errors.length === 0, 'page: loads without script errors', errors);
		ok(requests.length === 0, 'page: makes no network request', requests);
		ok((await page.textContent('#title')) === 'Talks <b>&amp;</b> borders', 'page: title shown as text');
		ok(/3 documents, 2024-05-02 \u2013 2024-05-04/.test(await page.textContent('#corpus')),
			'page: corpus span (3 documents, 2024-05-02 - 2024-05-04)');
		const ids = await page.$$eval('svg g.node', (gs) => gs.map((g) => g.id).sort());
		ok(JSON.stringify(ids) === JSON.stringify(['n_AZE', 'n_IRN', 'n_TUR', 'n_hossein-amir-abdollahian']),
			'svg: the four actors of the corpus are nodes', ids);

		// search by the Persian name, then by the Arabic spelling (hamza, Arabic yeh)
		await page.fill('#search', 'ایران');
		let hits = await page.$$eval('#results button', (bs) => bs.map((b) => b.dataset.id));
		ok(JSON.stringify(hits) === '["IRN"]', 'search: Persian "ایران" finds Iran', hits);
		await page.fill('#search', 'إيران');
		hits = await page.$$eval('#results button', (bs) => bs.map((b) => b.dataset.id));
		ok(JSON.stringify(hits) === '["IRN"]', 'search: Arabic "إيران" finds Iran', hits);
		ok(await page.$eval('#n_IRN', (g) => g.classList.contains('match')), 'search: the node is marked');
		await page.click('#results button[data-id="IRN"]');
		ok((await page.textContent('#panel-title')) === 'Iran', 'search: choosing the hit shows Iran');
		const partners = await page.$$eval('#evidence li.partner', (ls) => ls.map((l) => l.textContent));
		ok(JSON.stringify(partners) === JSON.stringify(['Azerbaijan (3)', 'Turkey (2)', 'Hossein Amir-Abdollahian (1)']),
			'search: Iran\'s partners by weight', partners);

		// hover highlights the neighbours
		await page.hover('#n_hossein-amir-abdollahian ellipse');
		const hl = await page.$$eval('svg .node.hl', (gs) => gs.map((g) => g.id).sort());
		ok(JSON.stringify(hl) === JSON.stringify(['n_IRN', 'n_TUR', 'n_hossein-amir-abdollahian']),
			'hover: the actor and its partners are highlighted', hl);
		await page.mouse.move(2, 2);

		// click the Azerbaijan-Iran tie at the middle of its line
		await page.click('#zoom-reset');
		const pt = await page.$eval('#e_AZE__IRN path', (p) => {
			const q = p.getPointAtLength(p.getTotalLength() / 2);
			const s = p.ownerSVGElement.createSVGPoint();
			s.x = q.x; s.y = q.y;
			const r = s.matrixTransform(p.getScreenCTM());
			return { x: r.x, y: r.y };
		});
		await page.mouse.click(pt.x, pt.y);
		const title = await page.textContent('#panel-title');
		ok(title === 'Azerbaijan \u2013 Iran: 3 co-mentions in 2 documents', 'edge: click shows the tie', title);
		const ev = await page.$$eval('#evidence li.sentence', (ls) => ls.map((l) => ({
			meta: l.querySelector('.meta').textContent, text: l.querySelector('.text').textContent })));
		ok(ev.length === 3, 'edge: three evidence sentences', ev);
		ok(ev.length === 3 && ev[0].meta === 'xss-script \u00b7 2024-05-02 \u00b7 paragraph 1, sentence 1' &&
			ev[2].meta === 'xss-onerror \u00b7 2024-05-03 \u00b7 paragraph 1, sentence 1',
			'edge: document, date and place of each sentence', ev.map((e) => e.meta));
		ok(ev.some((e) => e.text.includes("<script>window.__relgraphXSS = 'script'")),
			'edge: the article\'s <script> is shown as text');
		ok(ev.some((e) => e.text.includes('onerror="window.__relgraphXSS=\'onerror\'"')),
			'edge: the article\'s onerror= is shown as text');

		// the other tie with markup: Azerbaijan-Turkey carries </script> and <!--<script>
		await page.click('#results button[data-id="IRN"]').catch(() => {});
		await page.$eval('#e_AZE__TUR', (g) => g.dispatchEvent(new MouseEvent('click', { bubbles: true })));
		const ev2 = await page.$$eval('#evidence li.sentence .text', (ls) => ls.map((l) => l.textContent));
		ok(ev2.some((t) => t.includes("</script><script>window.__relgraphXSS='close'</script>") && t.includes('<!--<script>')),
			'edge: </script> and <!-- in an article stay inside the data', ev2);

		// pan and zoom change the view box
		const vb1 = await page.getAttribute('#canvas svg', 'viewBox');
		await page.mouse.move(700, 450);
		await page.mouse.wheel(0, -400);
		const vb2 = await page.getAttribute('#canvas svg', 'viewBox');
		ok(vb1 !== vb2, 'zoom: the wheel zooms', [vb1, vb2]);

		// nothing from the articles ran
		const xss = await page.evaluate(() => ({
			flag: window.__relgraphXSS === undefined ? null : window.__relgraphXSS,
			title: document.title,
			imgs: document.querySelectorAll('img').length,
			handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
			scripts: document.scripts.length,
		}));
		ok(xss.flag === null, 'xss: no injected script ran (window.__relgraphXSS unset)', xss);
		ok(xss.title !== 'PWNED', 'xss: document.title untouched', xss.title);
		ok(xss.imgs === 0 && xss.handlers === 0, 'xss: no <img> or inline handler from an article in the DOM', xss);
		ok(xss.scripts === 2, 'xss: only the page\'s own two script elements', xss.scripts);
		ok(dialogs.length === 0 && errors.length === 0, 'page: no dialog, no script error after use', { dialogs, errors });
	} finally {
		await browser.close();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

main().then(() => {
	console.log(`${n - failed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}, (e) => {
	console.log(`not ok - browser test crashed: ${e && e.stack ? e.stack : e}`);
	process.exit(1);
});
