// Swagger UI as clinic staff use it, in a real headless Chromium against a running service:
//   1. Authorize with a staff key for the bearer scheme;
//   2. reload: the key is still authorized (persistAuthorization keeps it in the browser's local storage);
//   3. GET /api/v1/leads, "Try it out", "Execute" with every default untouched: Swagger UI shows a 200 that lists
//      the given leads.
//
// Usage: node swagger-ui-check.mjs <baseUrl> <staffKey> <leadId>...
// CHROMIUM names the browser (default /usr/bin/chromium, Debian's package chromium); playwright-core drives it and
// downloads no browser. Exit 0 when every check passes; otherwise 1 with the reason, and a screenshot in the
// project's target/. Never prints the key, nor what the leads contain (only their ids).

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const LEADS_PATH = '/api/v1/leads';
const BEARER_SCHEME = 'bearerApiKey'; // ApiDocs.BEARER
const TIMEOUT_MS = 15_000;
const SCREENSHOT = fileURLToPath(new URL('../../target/swagger-ui-check-failure.png', import.meta.url));

class CheckFailed extends Error {}

function fail(message) {
    throw new CheckFailed(message);
}

const [baseUrlArg, key, ...ids] = process.argv.slice(2);
if (!baseUrlArg || !key || ids.length === 0) {
    console.error('usage: node swagger-ui-check.mjs <baseUrl> <staffKey> <leadId>...');
    process.exit(2);
}
const baseUrl = baseUrlArg.replace(/\/+$/, '');

let browser;
let page;
let current = 'launch Chromium';
const pageErrors = [];

async function step(name, action) {
    current = name;
    const started = Date.now();
    await action();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

/** The Swagger UI page is up: the contract is loaded and the operations are listed. */
async function swaggerUiLoaded() {
    await page.locator('.swagger-ui .information-container').waitFor();
    await page.locator('.swagger-ui .opblock').first().waitFor();
}

/** The dialog's form for the bearer scheme (one form per scheme, each with its own Authorize and Close). */
function bearerForm() {
    return page.locator('.dialog-ux .auth-container').filter({
        has: page.locator('h4', { hasText: BEARER_SCHEME }),
    });
}

/** The bearer form shows the scheme as authorized: a Logout button where the key's field was. */
function bearerAuthorized() {
    return bearerForm().locator('button', { hasText: 'Logout' });
}

/** Waits a little for what Swagger UI restores after a reload; fails with `message` if it never shows. */
async function expectShown(locator, message) {
    try {
        await locator.waitFor({ timeout: 5_000 });
    } catch {
        fail(message);
    }
}

async function expectAuthorizeButtonLocked(when) {
    const button = page.locator('.auth-wrapper button.authorize');
    try {
        await page.locator('.auth-wrapper button.authorize.locked').waitFor({ timeout: 5_000 });
    } catch {
        fail(`${when}: the Authorize button shows no authorization (class "${await button.getAttribute('class')}")`);
    }
}

try {
    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    browser = await chromium.launch({
        executablePath,
        headless: true,
        // CI runs as root, where Chromium's sandbox cannot start. The machine has no network but loopback: no
        // background connections, no component updates.
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
    console.log(`ok   launch ${executablePath} (Chromium ${browser.version()})`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    context.setDefaultTimeout(TIMEOUT_MS);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await step('open /q/swagger-ui', async () => {
        const response = await page.goto(`${baseUrl}/q/swagger-ui/`);
        if (!response || response.status() !== 200) {
            fail(`GET /q/swagger-ui answered ${response ? response.status() : 'nothing'}`);
        }
        await swaggerUiLoaded();
    });

    await step(`Authorize with the key for ${BEARER_SCHEME}`, async () => {
        await page.locator('.auth-wrapper button.authorize').click();
        const form = bearerForm();
        await form.waitFor();
        await form.getByRole('textbox').fill(key);
        await form.locator('button.authorize').click();
        await bearerAuthorized().waitFor();
        await form.locator('button.btn-done').click();
        await page.locator('.dialog-ux').waitFor({ state: 'detached' });
        await expectAuthorizeButtonLocked('after Authorize');
    });

    await step('reload: the key is still authorized', async () => {
        await page.reload();
        await swaggerUiLoaded();
        await expectAuthorizeButtonLocked('after a reload (persistAuthorization)');
        await page.locator('.auth-wrapper button.authorize').click();
        const form = bearerForm();
        await form.waitFor();
        await expectShown(bearerAuthorized(),
            `after a reload, the Authorize dialog does not show ${BEARER_SCHEME} as authorized (no Logout)`);
        await form.locator('button.btn-done').click();
        await page.locator('.dialog-ux').waitFor({ state: 'detached' });
    });

    const operation = page.locator('.opblock.opblock-get').filter({
        has: page.locator(`.opblock-summary-path[data-path="${LEADS_PATH}"]`),
    });
    let shown;
    let prefilled;
    await step(`GET ${LEADS_PATH}: Try it out, Execute with the defaults`, async () => {
        await operation.locator('.opblock-summary').click();
        await operation.locator('button.try-out__btn').click();
        // What "Try it out" put in the parameters: the defaults under test, reported if the leads are missing.
        prefilled = await operation.locator('.parameters tr[data-param-name]').evaluateAll((rows) => rows
            .map((row) => {
                const field = row.querySelector('input, select, textarea');
                return [row.getAttribute('data-param-name'), field ? field.value : ''];
            })
            .filter(([, value]) => value && value !== '--'));
        await operation.locator('button.execute').click();
        // "Server response": the call Swagger UI made, then what came back.
        const response = operation.locator('.live-responses-table tbody tr.response');
        await response.waitFor();
        shown = {
            status: (await response.locator('td.response-col_status').innerText()).trim(),
            body: await response.locator('.highlight-code pre').textContent(),
            url: (await operation.locator('.request-url pre').textContent())?.trim(),
        };
    });

    await step('the response lists the leads that exist', async () => {
        const defaults = prefilled.length ? prefilled.map(([n, v]) => `${n}=${v}`).join(', ') : 'none';
        if (shown.status !== '200') {
            let problem = '';
            try {
                const body = JSON.parse(shown.body);
                problem = `: ${body.title ?? ''}${body.detail ? ` (${body.detail})` : ''}`;
            } catch {
                // not a problem document: the status says enough
            }
            fail(`Swagger UI shows status ${shown.status} for ${shown.url}${problem}; prefilled parameters: ${defaults}`);
        }
        let listed;
        try {
            listed = JSON.parse(shown.body).items.map((lead) => lead.id);
        } catch (error) {
            fail(`Swagger UI shows a 200 whose body is not a page of leads (${error.message})`);
        }
        const missing = ids.filter((id) => !listed.includes(id));
        if (missing.length) {
            fail(`the list Swagger UI shows for ${shown.url} (${listed.length} leads) lacks ${missing.length} of the `
                + `${ids.length} leads that exist: ${missing.join(', ')}; prefilled parameters: ${defaults}`);
        }
        console.log(`     ${shown.url} listed all ${ids.length} leads (${listed.length} in the page); `
            + `prefilled parameters: ${defaults}`);
    });
    console.log('Swagger UI check passed');
} catch (error) {
    // Playwright's own errors: the first line and what it was waiting for.
    const reason = error instanceof CheckFailed ? error.message
        : `${error.name}: ${error.message.split('\n').filter((line, i) => i === 0 || /waiting for/.test(line))
            .map((line) => line.trim()).join(' ')}`;
    console.error(`FAIL ${current}: ${reason}`);
    if (pageErrors.length) {
        console.error(`     page errors: ${pageErrors.join(' | ')}`);
    }
    if (page) {
        try {
            mkdirSync(fileURLToPath(new URL('../../target/', import.meta.url)), { recursive: true });
            await page.screenshot({ path: SCREENSHOT, fullPage: true });
            console.error(`     screenshot: ${SCREENSHOT}`);
        } catch (screenshotError) {
            console.error(`     no screenshot: ${screenshotError.message.split('\n')[0]}`);
        }
    }
    process.exitCode = 1;
} finally {
    await browser?.close();
}
