// Drives `ddb ui`'s page in headless Chromium over the DevTools protocol, as a person would:
// pages through a table with Next and back with Previous, runs a Query and a Scan and reads
// their cost lines, edits an item while another client changes it, and deletes an item; then
// creates table NEW from the form, adds an item with a 38-digit number in plain JSON, turns TTL
// off and adds and drops an index in the details, and truncates and deletes NEW with its name
// typed. Prints one JSON object of what it saw; tests/it/ui/browser.rs checks it. Needs Node 20
// (run with --experimental-websocket) and chromium. With SHOTS set, saves screenshots there.
//
//   node --experimental-websocket tests/ui/browser.mjs CHROMIUM PROFILE_DIR URL TABLE DDB_ARGS_JSON [NEW BIG]
import { spawn, execFileSync } from "node:child_process";

const [browser, profile, url, table, ddbJson, fresh, big] = process.argv.slice(2);
const ddb = JSON.parse(ddbJson); // the ddb binary and its target options, for "another client"
const deadline = Date.now() + 150_000;
const seen = {};
let chrome;
// Whatever hangs (the browser's start, the socket, a reply), the driver ends in bounded time.
const watchdog = setTimeout(() => {
  seen.error = (seen.error || "") + " the driver timed out";
  console.log(JSON.stringify(seen));
  if (chrome) chrome.kill("SIGKILL");
  process.exit(1);
}, 180_000);

chrome = spawn(browser, [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "pipe"] });
const wsUrl = await new Promise((resolve, reject) => {
  let text = "";
  chrome.stderr.on("data", (d) => {
    text += d;
    const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  chrome.on("exit", () => reject(new Error("chromium exited: " + text)));
});

const ws = new WebSocket(wsUrl);
await new Promise((r) => ws.addEventListener("open", r));
let next = 1;
const pending = new Map();
ws.addEventListener("message", (e) => {
  const msg = JSON.parse(e.data);
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(JSON.stringify(msg.error)));
    else resolve(msg.result);
  }
});
function send(method, params = {}, sessionId) {
  const id = next++;
  ws.send(JSON.stringify({ id, method, params, sessionId }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
async function js(expression) {
  const r = await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (r.exceptionDetails) throw new Error(expression + ": " + JSON.stringify(r.exceptionDetails));
  return r.result.value;
}
async function until(expression, what) {
  while (Date.now() < deadline) {
    if (await js(expression)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("waited for " + what + "; the page says: " + await js("document.body.innerText"));
}
const rows = "[...document.querySelectorAll('#items tbody tr')]";
const text = (id) => js(`document.getElementById(${JSON.stringify(id)}).textContent`);
const setValue = (id, value) =>
  js(`document.getElementById(${JSON.stringify(id)}).value = ${JSON.stringify(value)}`);
const click = (id) => js(`document.getElementById(${JSON.stringify(id)}).click()`);
// Typing, as the page sees it: the value and an input event.
const type = (id, value) => js(`(() => { const e = document.getElementById(${JSON.stringify(id)});
  e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event("input")); })()`);
async function shot(name) {
  if (!process.env.SHOTS) return;
  const { data } = await send("Page.captureScreenshot", { format: "png" }, sessionId);
  (await import("node:fs")).writeFileSync(`${process.env.SHOTS}/${name}.png`, Buffer.from(data, "base64"));
}
const ids = `${rows}.map((tr) => tr.children[1].textContent)`;

try {
  await send("Page.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
  await send("Page.navigate", { url: `${url}&table=${table}` }, sessionId);
  await until(`${rows}.length > 0`, "the first page");
  // An element with the hidden attribute is hidden, whatever display the style sheet gives it
  // (read-only hides the change controls this way).
  seen.hidden_display = await js(`(() => { const e = document.getElementById("danger"); const was = e.hidden;
    e.hidden = true; const d = getComputedStyle(e).display; e.hidden = was; return d; })()`);
  // Figures for the README, not asserted: machines are shared and noisy.
  seen.timing = await js(`({
    first_render_ms: performance.getEntriesByName("ddb-first-render")[0].startTime,
    render_100_rows_ms: performance.getEntriesByName("ddb-render").at(-1).duration,
    rows: ${rows}.length,
  })`);
  // Page through with Next: every id once.
  const pages = [];
  for (;;) {
    pages.push(await js(ids));
    if (await js("document.getElementById('next').disabled")) break;
    const n = pages.length + 1;
    await js("document.getElementById('next').click()");
    await until(`document.getElementById('page-info').textContent.startsWith('page ${n},')`, `page ${n}`);
  }
  seen.pages = pages;
  // Back one page with Previous: the same items as on the way forward.
  if (pages.length > 1) {
    await click("prev");
    await until(`document.getElementById('page-info').textContent.startsWith('page ${pages.length - 1},')`, "Previous");
    seen.previous = await js(ids);
  }

  // A Query on one key, then a Scan: their cost lines.
  await js("document.getElementById('pk').value = 'k007'");
  await js("document.getElementById('run-query').click()");
  await until("document.getElementById('cost').textContent.startsWith('Query:')", "the Query");
  seen.query = { cost: await js("document.getElementById('cost').textContent"), ids: await js(ids) };
  await js("document.getElementById('run-scan').click()");
  await until("document.getElementById('cost').textContent.startsWith('Scan:')", "the Scan");
  seen.scan = await js("document.getElementById('cost').textContent");

  // Edit the first item while another client changes it: the conflict is shown, nothing written.
  await js(`${rows}[0].querySelector('button').click()`);
  await until("!document.getElementById('editor').hidden", "the editor");
  const first = await js(`${rows}[0].children[1].textContent`);
  execFileSync(ddb[0], [...ddb.slice(1), "update", table, first, "--set", "by=other"]);
  await js(`(() => { const t = document.getElementById('editor-text');
    const item = JSON.parse(t.value); item.n = { N: "999" }; t.value = JSON.stringify(item); })()`);
  await js("document.getElementById('save').click()");
  await until("!document.getElementById('conflict').hidden", "the conflict");
  seen.conflict = {
    id: first,
    message: await js("document.getElementById('message').textContent"),
    now: await js("document.getElementById('conflict').textContent"),
  };

  // Delete the second item of the page from its editor.
  const second = await js(`${rows}[1].children[1].textContent`);
  await js(`${rows}[1].querySelector('button').click()`);
  await until(`document.getElementById('editor-title').textContent.includes(${JSON.stringify(second)})`, "the second item");
  await js("document.getElementById('delete-item').click()");
  await until("document.getElementById('message').textContent === 'Deleted.'", "the delete");
  seen.deleted = second;

  if (fresh) {
    // A table from the form.
    await js("location.hash = ''");
    await until("!document.getElementById('tables-view').hidden", "the table list");
    await click("new-table");
    await setValue("c-name", fresh);
    await setValue("c-pk", "year");
    await setValue("c-pk-type", "N");
    await setValue("c-sk", "title");
    await setValue("c-gsi", "ByGenre:genre:S:year:N");
    await setValue("c-ttl", "expires");
    await shot("ui-create");
    await click("c-create");
    await until(`document.getElementById('message').textContent === 'Created table ${fresh}.'`, "the new table");
    seen.listed = await js(`[...document.querySelectorAll('#tables tbody a')].map((a) => a.textContent)`);
    await shot("ui-tables");

    // An item with a 38-digit number, typed as plain JSON: shown exactly.
    await js(`location.hash = "table=" + encodeURIComponent(${JSON.stringify(fresh)})`);
    await until(`document.getElementById('items-title').textContent === ${JSON.stringify(fresh)}`, "the new table's page");
    await until("document.getElementById('cost').textContent.startsWith('Scan:')", "its first Scan");
    await click("new-item");
    await js("document.querySelector('input[name=fmt][value=plain]').click()");
    await setValue("editor-text", `{"year": 2001, "title": "Big", "n": ${big}}`);
    await click("save");
    await until("document.getElementById('message').textContent === 'Saved.'", "the new item");
    seen.cells = await js(`${rows}.map((tr) => [...tr.children].slice(1).map((td) => td.textContent))`);

    // Details: TTL off, an index added and dropped.
    await click("show-details");
    await until("!document.getElementById('details').hidden", "the details");
    const summary = () => js("[...document.querySelectorAll('#summary dt')].map((dt) => dt.textContent + ': ' + dt.nextElementSibling.textContent)");
    const indexes = `[...document.querySelectorAll('#indexes tbody tr')].map((tr) => tr.children[0].textContent)`;
    seen.details = { summary: await summary(), indexes: await js(indexes) };
    await shot("ui-details");
    await click("ttl-off");
    await until("document.getElementById('message').textContent.startsWith('TTL is ')", "TTL off");
    seen.ttl_off = { message: await text("message"), summary: await summary() };
    await setValue("gsi-spec", "ByTitle:title:S:keys");
    await click("gsi-add");
    await until("document.getElementById('message').textContent.startsWith('Index added')", "the index");
    seen.added = await js(indexes);
    // DynamoDB refuses to drop an index while it is being created: wait until the details,
    // which follow it, show it ACTIVE.
    await until(`[...document.querySelectorAll('#indexes tbody tr')].every((tr) => tr.children[4].textContent === 'ACTIVE')`, "the index ACTIVE");
    await setValue("gsi-drop", "ByTitle");
    await click("gsi-drop-go");
    await until("document.getElementById('message').textContent === 'Index ByTitle dropped.'", "the drop");
    // DELETING for a moment, on DynamoDB Local: the details follow it until it is gone.
    await until(`${indexes}.length === 1`, "the index gone");
    seen.dropped = await js(indexes);

    // Truncate and delete: the buttons wait for the name typed.
    seen.disabled_before = await js("document.getElementById('truncate').disabled");
    await type("confirm-name", fresh.slice(0, -1));
    seen.disabled_misspelt = await js("document.getElementById('drop-table').disabled");
    await type("confirm-name", fresh);
    await click("truncate");
    await until("/items deleted/.test(document.getElementById('message').textContent)", "the truncate");
    seen.truncated = { message: await text("message"), rows: await js(`${rows}.length`) };
    await type("confirm-name", fresh);
    await click("drop-table");
    await until(`document.getElementById('message').textContent === 'Deleted table ${fresh}.'`, "the delete");
    seen.after_delete = await js(`[...document.querySelectorAll('#tables tbody a')].map((a) => a.textContent)`);
  }
} catch (e) {
  seen.error = String(e.message || e);
} finally {
  console.log(JSON.stringify(seen));
  ws.close();
  const exited = new Promise((r) => chrome.once("exit", r));
  chrome.kill();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (chrome.exitCode === null) chrome.kill("SIGKILL");
  clearTimeout(watchdog);
}
