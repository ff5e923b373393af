// ddb ui: the page. Talks only to this server's /api/, sending the per-launch secret the URL
// carried in its fragment. Items arrive as DynamoDB JSON and are shown from it, so numbers keep
// every digit DynamoDB stored.
"use strict";

const secret = (() => {
  // #secret=S, optionally followed by &table=NAME: the secret is kept for this tab and taken
  // out of the address, the rest stays as the place to open.
  const m = location.hash.match(/secret=([0-9a-zA-Z_-]+)&?/);
  if (m) {
    sessionStorage.setItem("ddb-secret", m[1]);
    const rest = location.hash.slice(1).replace(m[0], "");
    history.replaceState(null, "", location.pathname + (rest ? "#" + rest : ""));
  }
  return sessionStorage.getItem("ddb-secret") || "";
})();

const $ = (id) => document.getElementById(id);
const state = { table: null, key: [], starts: [null], page: 0, last: null };

async function api(path) {
  const res = await fetch("/api/" + path, { headers: { "X-Ddb-Secret": secret } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function say(text, error) {
  $("message").textContent = text || "";
  $("message").className = error ? "error" : "";
}

function cell(tag, text, cls) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

// One attribute value (DynamoDB JSON) as text.
function show(v) {
  if (v === undefined) return "";
  const [type, x] = Object.entries(v)[0];
  switch (type) {
    case "S": case "N": return x;
    case "BOOL": return String(x);
    case "NULL": return "null";
    case "B": return "b64:" + x;
    case "SS": case "NS": case "BS": return "{" + x.join(", ") + "}";
    case "L": return "[" + x.map(show).join(", ") + "]";
    case "M": return "{" + Object.entries(x).map(([k, y]) => k + ": " + show(y)).join(", ") + "}";
    default: return JSON.stringify(v);
  }
}

async function listTables() {
  state.table = null;
  $("items-view").hidden = true;
  $("tables-view").hidden = false;
  const body = await api("tables");
  const tbody = $("tables").tBodies[0];
  tbody.replaceChildren();
  for (const t of body.tables) {
    const tr = document.createElement("tr");
    const name = document.createElement("td");
    const a = cell("a", t.name);
    a.href = "#table=" + encodeURIComponent(t.name);
    name.append(a);
    const key = t.key ? t.key.partition.name + " (" + t.key.partition.type + ")" +
      (t.key.sort ? ", " + t.key.sort.name + " (" + t.key.sort.type + ")" : "") : (t.error || "");
    tr.append(name, cell("td", t.item_count ?? "", "n"), cell("td", key), cell("td", t.status || ""));
    tbody.append(tr);
  }
  say(body.hint || (body.tables.length ? "" : "No tables."));
}

async function openTable(name) {
  const d = await api("tables/" + encodeURIComponent(name));
  state.table = name;
  state.key = [d.key.partition.name].concat(d.key.sort ? [d.key.sort.name] : []);
  state.starts = [null];
  state.page = 0;
  $("tables-view").hidden = true;
  $("items-view").hidden = false;
  $("items-title").textContent = name;
  await loadPage();
}

async function loadPage() {
  const size = $("page-size").value;
  const start = state.starts[state.page];
  let path = "tables/" + encodeURIComponent(state.table) + "/items?limit=" + size;
  if (start) path += "&start=" + encodeURIComponent(JSON.stringify(start));
  const body = await api(path);
  state.last = body.last_evaluated_key;
  state.starts[state.page + 1] = state.last;
  render(body.items);
  $("prev").disabled = state.page === 0;
  $("next").disabled = !state.last;
  $("page-info").textContent = "page " + (state.page + 1) + ", " + body.count + " items";
  const cu = body.capacity == null ? "" : ", " + body.capacity + " capacity units";
  $("cost").textContent = "Scan: read " + body.scanned_count + " items to return " + body.count + cu + ".";
  say("");
}

function render(items) {
  const names = new Set();
  for (const it of items) for (const k of Object.keys(it)) names.add(k);
  const rest = [...names].filter((n) => !state.key.includes(n)).sort();
  const cols = state.key.concat(rest);
  const head = document.createElement("tr");
  for (const c of cols) head.append(cell("th", c, state.key.includes(c) ? "key" : ""));
  $("items").tHead.replaceChildren(head);
  const tbody = $("items").tBodies[0];
  tbody.replaceChildren();
  for (const it of items) {
    const tr = document.createElement("tr");
    for (const c of cols) {
      const v = it[c];
      tr.append(cell("td", show(v), v && v.N !== undefined ? "n" : ""));
    }
    tbody.append(tr);
  }
}

async function route() {
  try {
    const m = location.hash.match(/^#table=(.+)$/);
    if (m) await openTable(decodeURIComponent(m[1]));
    else await listTables();
  } catch (e) {
    say(e.message, true);
  }
}

async function move(step) {
  try {
    state.page += step;
    await loadPage();
  } catch (e) {
    say(e.message, true);
  }
}

window.addEventListener("DOMContentLoaded", async () => {
  try {
    const info = await api("info");
    $("target").textContent = info.endpoint + (info.read_only ? " (read only)" : "");
  } catch (e) {
    say(e.message, true);
    return;
  }
  $("prev").addEventListener("click", () => move(-1));
  $("next").addEventListener("click", () => move(1));
  $("page-size").addEventListener("change", () => { state.starts = [null]; state.page = 0; move(0); });
  $("home").addEventListener("click", (e) => { e.preventDefault(); location.hash = ""; route(); });
  window.addEventListener("hashchange", route);
  route();
});
