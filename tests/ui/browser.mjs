// Drives `ddb ui`'s page in headless Chromium over the DevTools protocol, as a person would:
// pages through a table with Next, runs a Query and a Scan and reads their cost lines, edits an
// item while another client changes it, and deletes an item. Prints one JSON object of what it
// saw; tests/it/ui.rs checks it. Needs Node 20 (run with --experimental-websocket) and chromium.
//
//   node --experimental-websocket tests/ui/browser.mjs CHROMIUM PROFILE_DIR URL TABLE DDB_ARGS_JSON
import { spawn, execFileSync } from "node:child_process";

const [browser, profile, url, table, ddbJson] = process.argv.slice(2);
const ddb = JSON.parse(ddbJson); // the ddb binary and its target options, for "another client"
const deadline = Date.now() + 90_000;
const seen = {};
let chrome;
// Whatever hangs (the browser's start, the socket, a reply), the driver ends in bounded time.
const watchdog = setTimeout(() => {
  seen.error = (seen.error || "") + " the driver timed out";
  console.log(JSON.stringify(seen));
  if (chrome) chrome.kill("SIGKILL");
  process.exit(1);
}, 120_000);

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
const ids = `${rows}.map((tr) => tr.children[1].textContent)`;

try {
  await send("Page.navigate", { url: `${url}&table=${table}` }, sessionId);
  await until(`${rows}.length > 0`, "the first page");
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
