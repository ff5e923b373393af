// ddb ui: the page. Talks only to this server's /api/, sending the per-launch secret the URL
// carried in its fragment. Items arrive as DynamoDB JSON and are shown from it, so numbers keep
// every digit DynamoDB stored.
"use strict";

const secret = (() => {
  // #secret=S, optionally followed by &table=NAME: the secret is kept for this tab and taken
  // out of the address, the rest stays as the place to open.
  const parts = location.hash.slice(1).split("&").filter((p) => p);
  const given = parts.find((p) => p.startsWith("secret="));
  if (given) {
    sessionStorage.setItem("ddb-secret", given.slice("secret=".length));
    const rest = parts.filter((p) => p !== given).join("&");
    history.replaceState(null, "", location.pathname + (rest ? "#" + rest : ""));
  }
  return sessionStorage.getItem("ddb-secret") || "";
})();

const $ = (id) => document.getElementById(id);
const state = {
  table: null, key: [], description: null,
  how: "items", params: "", // the read: "items" (Scan) or "query", and its conditions
  starts: [null], page: 0, last: null,
};

async function api(path, method, payload) {
  const init = { method: method || "GET", headers: { "X-Ddb-Secret": secret } };
  if (payload !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(payload);
  }
  const res = await fetch("/api/" + path, init);
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) {
    const err = new Error(body.error || res.statusText);
    err.status = res.status;
    err.body = body;
    throw err;
  }
  return body;
}

// DynamoDB JSON as plain JSON text, numbers written as stored (never through a float).
function plain(v) {
  const [type, x] = Object.entries(v)[0];
  switch (type) {
    case "S": case "B": return JSON.stringify(x);
    case "N": return x;
    case "BOOL": return String(x);
    case "NULL": return "null";
    case "SS": case "BS": return "[" + x.map((s) => JSON.stringify(s)).join(", ") + "]";
    case "NS": return "[" + x.join(", ") + "]";
    case "L": return "[" + x.map(plain).join(", ") + "]";
    case "M": return "{" + Object.entries(x).map(([k, y]) => JSON.stringify(k) + ": " + plain(y)).join(", ") + "}";
    default: return "null";
  }
}

function itemText(it, format) {
  if (format === "typed") return JSON.stringify(it, null, 2);
  const lines = Object.entries(it).map(([k, v]) => "  " + JSON.stringify(k) + ": " + plain(v));
  return "{\n" + lines.join(",\n") + "\n}";
}

function format() {
  return document.querySelector("input[name=fmt]:checked").value;
}

// The key attributes of an item; of none, empty strings to fill in (a new item's template).
function keyOf(it) {
  const key = {};
  for (const k of state.key) key[k] = it ? it[k] : { S: "" };
  return key;
}

// The editor: the item as loaded (null for a new one) is what a save or delete is conditioned on.
// A row may be partial (a projection, an index), so the whole item is read first.
async function edit(row) {
  let it = null;
  if (row) {
    try {
      it = (await api(tablePath("/item?key=") +
        encodeURIComponent(JSON.stringify(keyOf(row))))).item;
    } catch (e) {
      return say(e.message, true);
    }
  }
  state.loaded = it;
  $("editor").hidden = false;
  $("conflict").hidden = true;
  $("editor-title").textContent = it ? "Item " + state.key.map((k) => show(it[k])).join(" / ") : "New item";
  $("delete-item").disabled = !it;
  state.shown = itemText(it || keyOf(null), format());
  $("editor-text").value = state.shown;
  $("editor-text").focus();
}

async function save() {
  try {
    await api(tablePath("/item"), "PUT", {
      text: $("editor-text").value, typed: format() === "typed", expected: state.loaded,
    });
    $("conflict").hidden = true;
    $("editor").hidden = true;
    await reload();
    say("Saved.");
  } catch (e) {
    conflict(e);
  }
}

async function removeItem(it) {
  await api(tablePath("/item"), "DELETE", { key: keyOf(it), expected: it });
}

async function deleteLoaded() {
  try {
    await removeItem(state.loaded);
    $("editor").hidden = true;
    await reload();
    say("Deleted.");
  } catch (e) {
    conflict(e);
  }
}

// A conflict shows the item as it now is; nothing was written. Having seen it, the user may
// save their text over it: the next save is conditioned on the item shown.
function conflict(e) {
  $("conflict").hidden = e.status !== 409;
  if (e.status !== 409) return say(e.message, true);
  const current = e.body.current;
  if (current && state.loaded) state.loaded = current;
  say(e.message + (current && state.loaded ? " Save again to replace it with your text." : ""), true);
  $("conflict").textContent = current ? "Now:\n" + itemText(current, format()) : "The item no longer exists.";
}

async function deleteSelected() {
  if (state.busy) return;
  // The rows are taken now: paging while the deletes run must not change which ones go.
  const picked = [...document.querySelectorAll("#items tbody input[type=checkbox]:checked")]
    .map((box) => state.rows[Number(box.dataset.row)]);
  if (!picked.length) return say("Select items first.");
  if (!confirm("Delete " + picked.length + " items from " + state.table + "?")) return;
  state.busy = true;
  $("prev").disabled = $("next").disabled = true;
  let done = 0;
  const failed = [];
  try {
    for (const row of picked) {
      try {
        await removeItem(row);
        done += 1;
      } catch (e) {
        failed.push(e.message);
      }
    }
  } finally {
    state.busy = false;
  }
  await reload();
  say(done + " deleted" + (failed.length ? "; " + failed.length + " not: " + failed[0] : "."), failed.length > 0);
}

// The page being shown, again (after a change).
async function reload() {
  await move(0);
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
  if (v === undefined || v === null || typeof v !== "object") return v == null ? "" : String(v);
  const entry = Object.entries(v)[0];
  if (!entry) return "";
  const [type, x] = entry;
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
  clearTimeout(state.watch);
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
    const key = t.key ? keyText(t.key) : (t.error || "");
    tr.append(name, cell("td", t.item_count ?? "", "n"), cell("td", key), cell("td", t.status || ""));
    tbody.append(tr);
  }
  if (!performance.getEntriesByName("ddb-first-render").length) performance.mark("ddb-first-render");
  say(body.hint || (body.tables.length ? "" : "No tables."));
}

function keyText(k) {
  if (!k) return "";
  const one = (a) => a.name + " (" + a.type + ")";
  return one(k.partition) + (k.sort ? ", " + one(k.sort) : "");
}

// A change that takes a while (a table is created, truncated): one at a time, the button
// disabled meanwhile, the outcome said.
async function act(button, doing, work) {
  if (state.acting) return;
  state.acting = true;
  button.disabled = true;
  say(doing);
  try {
    say(await work());
  } catch (e) {
    say(e.message, true);
  } finally {
    state.acting = false;
    button.disabled = false;
    confirmed();
  }
}

function createTable(e) {
  e.preventDefault();
  const lines = (id) => $(id).value.split("\n").map((l) => l.trim()).filter((l) => l);
  const count = (id) => ($(id).value === "" ? null : Number($(id).value));
  const name = $("c-name").value.trim();
  const sk = $("c-sk").value.trim();
  act($("c-create"), "Creating table " + name + "…", async () => {
    await api("tables", "POST", {
      name, pk: $("c-pk").value.trim() + ":" + $("c-pk-type").value,
      sk: sk ? sk + ":" + $("c-sk-type").value : null,
      rcu: count("c-rcu"), wcu: count("c-wcu"), gsi: lines("c-gsi"), lsi: lines("c-lsi"),
      ttl: $("c-ttl").value.trim() || null,
    });
    $("create-form").reset();
    $("create-form").hidden = true;
    await listTables();
    return "Created table " + name + ".";
  });
}

function tablePath(rest) {
  return "tables/" + encodeURIComponent(state.table) + (rest || "");
}

// The describe-table view: what the table is, its indexes, TTL, and the actions on it. `fresh`
// when the user opened it (the TTL field is filled in then, not while they may be typing).
async function details(fresh) {
  const table = state.table;
  const d = await api(tablePath());
  if (state.table !== table) return; // another table was opened meanwhile
  state.description = d;
  fillIndexes(d);
  const capacity = d.billing_mode === "PAY_PER_REQUEST" ? "on-demand"
    : d.read_capacity_units + " read, " + d.write_capacity_units + " write units";
  const ttl = d.ttl ? d.ttl.status + (d.ttl.attribute ? " (" + d.ttl.attribute + ")" : "") : "unknown";
  const dl = $("summary");
  dl.replaceChildren();
  for (const [term, text] of [["Status", d.status], ["Key", keyText(d.key)], ["Capacity", capacity],
    ["Items", d.item_count + " (" + d.size_bytes + " bytes; DynamoDB updates these about every 6 hours)"],
    ["Stream", d.stream.enabled ? d.stream.view_type : "off"], ["TTL", ttl],
    ["Deletion protection", d.deletion_protection ? "on" : "off"], ["Class", d.table_class]]) {
    dl.append(cell("dt", term), cell("dd", text == null ? "" : String(text)));
  }
  const tbody = $("indexes").tBodies[0];
  tbody.replaceChildren();
  const kinds = [["global", d.global_secondary_indexes], ["local", d.local_secondary_indexes]];
  for (const [kind, list] of kinds) {
    for (const i of list || []) {
      const tr = document.createElement("tr");
      const projection = i.projection + (i.included ? ": " + i.included.join(", ") : "");
      const status = (i.status || "ACTIVE") + (i.backfilling ? ", backfilling" : "");
      tr.append(cell("td", i.name), cell("td", kind), cell("td", keyText(i.key)), cell("td", projection),
        cell("td", status), cell("td", i.item_count ?? "", "n"));
      tbody.append(tr);
    }
  }
  $("indexes").hidden = !tbody.children.length;
  if (fresh) $("ttl-attr").value = (d.ttl && d.ttl.attribute) || "";
  $("details").hidden = false;
  // While the table or an index is changing (an index created, backfilled, deleted), the view
  // reads the table again every 2 s, until it settles or another table is shown.
  const indexes = (d.global_secondary_indexes || []);
  const settled = d.status === "ACTIVE" && indexes.every((i) => (i.status || "ACTIVE") === "ACTIVE" && !i.backfilling);
  clearTimeout(state.watch);
  if (!settled) {
    state.watch = setTimeout(() => {
      if (state.table === table && !$("details").hidden) details().catch((e) => say(e.message, true));
    }, 2000);
  }
}

function changeTtl(on) {
  const attribute = on ? $("ttl-attr").value.trim() : null;
  if (on && !attribute) return say("Name the attribute that holds each item's expiry time.", true);
  act($(on ? "ttl-on" : "ttl-off"), "Changing TTL…", async () => {
    const now = await api(tablePath("/ttl"), "PUT", { enabled: on, attribute });
    await details();
    return "TTL is " + now.status + (now.attribute ? " (" + now.attribute + ")" : "") + ".";
  });
}

function addIndex(e) {
  e.preventDefault();
  const spec = $("gsi-spec").value.trim();
  act($("gsi-add"), "Adding the index…", async () => {
    await api(tablePath("/indexes"), "POST", { spec });
    $("gsi-spec").value = "";
    await details();
    return "Index added; it can be queried once ACTIVE (the details follow its status).";
  });
}

function dropIndex(e) {
  e.preventDefault();
  const name = $("gsi-drop").value.trim();
  if (!name) return say("Type the name of the index to drop.", true);
  act($("gsi-drop-go"), "Dropping index " + name + "…", async () => {
    await api(tablePath("/indexes/" + encodeURIComponent(name)), "DELETE", { confirm: name });
    $("gsi-drop").value = "";
    await details();
    return "Index " + name + " dropped.";
  });
}

// Truncate and delete take the table's name typed again; the server checks it too.
function confirmed() {
  const ok = $("confirm-name").value === state.table;
  $("truncate").disabled = $("drop-table").disabled = !ok;
  return ok;
}

function truncateTable() {
  if (!confirmed()) return;
  const name = state.table;
  act($("truncate"), "Deleting every item of " + name + "…", async () => {
    const done = await api(tablePath("/truncate"), "POST", { confirm: name });
    $("confirm-name").value = "";
    if (state.table === name) await reload();
    return done.deleted + " items deleted from " + name + ".";
  });
}

function deleteTable() {
  if (!confirmed()) return;
  const name = state.table;
  act($("drop-table"), "Deleting table " + name + "…", async () => {
    await api(tablePath(), "DELETE", { confirm: name });
    history.replaceState(null, "", location.pathname);
    await listTables();
    return "Deleted table " + name + ".";
  });
}

async function openTable(name) {
  const d = await api("tables/" + encodeURIComponent(name));
  state.table = name;
  state.description = d;
  state.key = [d.key.partition.name].concat(d.key.sort ? [d.key.sort.name] : []);
  state.how = "items";
  state.params = "";
  state.starts = [null];
  state.page = 0;
  $("tables-view").hidden = true;
  $("items-view").hidden = false;
  $("items-title").textContent = name;
  $("details").hidden = true;
  // An item open in the editor belongs to the last table: a save must not land in this one.
  $("editor").hidden = true;
  $("conflict").hidden = true;
  state.loaded = null;
  $("confirm-name").value = "";
  confirmed();
  $("index").value = "";
  fillIndexes(d);
  $("filters").replaceChildren();
  // The last table's conditions mean nothing here.
  for (const id of ["pk", "sk", "sk2", "projection"]) $(id).value = "";
  $("sk-op").value = "";
  $("sk2").hidden = true;
  await loadPage();
}

// The indexes a read may use, the chosen one kept while it still exists.
function fillIndexes(d) {
  const select = $("index");
  const chosen = select.value;
  const indexes = (d.global_secondary_indexes || []).concat(d.local_secondary_indexes || []);
  select.replaceChildren(new Option("(the table)", ""));
  for (const i of indexes) select.append(new Option(i.name, i.name));
  select.value = indexes.some((i) => i.name === chosen) ? chosen : "";
  showKey();
}

// The key names of the table or the chosen index, next to their inputs.
function showKey() {
  const d = state.description;
  const name = $("index").value;
  const indexes = (d.global_secondary_indexes || []).concat(d.local_secondary_indexes || []);
  const key = name ? (indexes.find((i) => i.name === name) || {}).key : d.key;
  const label = (k) => k.name + " (" + k.type + ")";
  $("pk-name").textContent = key ? label(key.partition) : "Partition key";
  $("sk-name").textContent = key && key.sort ? label(key.sort) : "no sort key";
  $("sk-op").disabled = !(key && key.sort);
}

function addFilter() {
  const row = document.createElement("div");
  row.className = "filter";
  const attr = document.createElement("input");
  attr.placeholder = "attribute (info.rating)";
  attr.setAttribute("aria-label", "attribute");
  attr.className = "f-attr";
  const op = document.createElement("select");
  op.className = "f-op";
  op.setAttribute("aria-label", "operator");
  for (const [v, t] of [["=", "="], ["<>", "≠"], ["<", "<"], ["<=", "<="], [">", ">"], [">=", ">="],
    ["between", "between"], ["begins_with", "begins with"], ["contains", "contains"],
    ["exists", "exists"], ["not_exists", "does not exist"]]) op.append(new Option(t, v));
  const type = document.createElement("select");
  type.className = "f-type";
  type.setAttribute("aria-label", "type");
  for (const t of ["S", "N", "BOOL", "NULL"]) type.append(new Option(t, t));
  const value = document.createElement("input");
  value.className = "f-value";
  value.setAttribute("aria-label", "value");
  const value2 = document.createElement("input");
  value2.className = "f-value2";
  value2.setAttribute("aria-label", "upper bound");
  value2.placeholder = "and";
  value2.hidden = true;
  op.addEventListener("change", () => { value2.hidden = op.value !== "between"; });
  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = "Remove";
  remove.addEventListener("click", () => row.remove());
  row.append(attr, op, type, value, value2, remove);
  $("filters").append(row);
  attr.focus();
}

// The form as query parameters: the conditions of a Query (how = "query") or a Scan.
function formParams(how) {
  const p = new URLSearchParams();
  if ($("index").value) p.set("index", $("index").value);
  if (how === "query") {
    p.set("pk", $("pk").value);
    if ($("sk-op").value && !$("sk-op").disabled) {
      p.set("sk_op", $("sk-op").value);
      p.set("sk", $("sk").value);
      if ($("sk-op").value === "between") p.set("sk2", $("sk2").value);
    }
  }
  const rows = [...$("filters").children].map((r) => ({
    attr: r.querySelector(".f-attr").value.trim(),
    op: r.querySelector(".f-op").value,
    type: r.querySelector(".f-type").value,
    value: r.querySelector(".f-value").value,
    value2: r.querySelector(".f-value2").value,
  })).filter((r) => r.attr);
  if (rows.length) p.set("filter", JSON.stringify(rows));
  if ($("projection").value.trim()) p.set("projection", $("projection").value.trim());
  return p.toString();
}

async function run(how) {
  state.how = how === "query" ? "query" : "items";
  state.params = formParams(how);
  state.starts = [null];
  state.page = 0;
  await move(0);
}

async function loadPage() {
  const size = $("page-size").value;
  const start = state.starts[state.page];
  let path = tablePath("/" + state.how + "?limit=" + size);
  if (state.params) path += "&" + state.params;
  if (start) path += "&start=" + encodeURIComponent(JSON.stringify(start));
  const body = await api(path);
  state.last = body.last_evaluated_key;
  state.starts[state.page + 1] = state.last;
  render(body.items);
  $("prev").disabled = state.page === 0;
  $("next").disabled = !state.last;
  $("page-info").textContent = "page " + (state.page + 1) + ", " + body.count + " items";
  const cu = body.capacity == null ? "" : ", " + body.capacity + " capacity units";
  $("cost").textContent = body.operation + ": read " + body.scanned_count + " items to return " +
    body.count + cu + "." + (body.operation === "Scan" && body.scanned_count > body.count
      ? " A Query on a key reads only the items it returns." : "");
  say("");
}

// Rendering is measured (performance marks) so the load and render times can be read from the
// browser: ddb-render is one page's rows, ddb-first-render the first rows after navigation.
function render(items) {
  performance.mark("ddb-render-start");
  state.rows = items;
  const names = new Set();
  for (const it of items) for (const k of Object.keys(it)) names.add(k);
  const rest = [...names].filter((n) => !state.key.includes(n)).sort();
  const cols = state.key.concat(rest);
  const head = document.createElement("tr");
  head.append(cell("th", ""));
  for (const c of cols) head.append(cell("th", c, state.key.includes(c) ? "key" : ""));
  $("items").tHead.replaceChildren(head);
  const tbody = $("items").tBodies[0];
  tbody.replaceChildren();
  items.forEach((it, n) => {
    const tr = document.createElement("tr");
    const pick = document.createElement("td");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.dataset.row = String(n);
    box.setAttribute("aria-label", "select");
    const open = document.createElement("button");
    open.type = "button";
    open.textContent = "Edit";
    open.addEventListener("click", () => edit(it));
    pick.append(box, " ", open);
    tr.append(pick);
    for (const c of cols) {
      // Own attributes only: an item without "constructor" must not show Object's.
      const v = Object.hasOwn(it, c) ? it[c] : undefined;
      tr.append(cell("td", show(v), v && v.N !== undefined ? "n" : ""));
    }
    tbody.append(tr);
  });
  performance.measure("ddb-render", "ddb-render-start");
  if (!performance.getEntriesByName("ddb-first-render").length) performance.mark("ddb-first-render");
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

// One page load at a time: a second click while one is under way would page from a key not
// yet known.
async function move(step) {
  if (state.busy) return;
  state.busy = true;
  $("prev").disabled = $("next").disabled = true;
  const page = state.page;
  try {
    state.page += step;
    await loadPage();
  } catch (e) {
    state.page = page;
    say(e.message, true);
  } finally {
    state.busy = false;
  }
}

window.addEventListener("DOMContentLoaded", async () => {
  try {
    const info = await api("info");
    $("target").textContent = info.endpoint + (info.read_only ? " (read only)" : "");
    // Read only: the controls that would change something are not offered.
    for (const id of ["new-table", "new-item", "delete-selected", "save", "delete-item", "ttl-form",
      "gsi-form", "gsi-drop-form", "danger"]) $(id).hidden = info.read_only;
  } catch (e) {
    say(e.message, true);
    return;
  }
  $("read-form").addEventListener("submit", (e) => { e.preventDefault(); run("query"); });
  $("run-scan").addEventListener("click", () => run("scan"));
  $("add-filter").addEventListener("click", addFilter);
  $("index").addEventListener("change", showKey);
  $("sk-op").addEventListener("change", () => { $("sk2").hidden = $("sk-op").value !== "between"; });
  $("new-item").addEventListener("click", () => edit(null));
  $("delete-selected").addEventListener("click", deleteSelected);
  $("save").addEventListener("click", save);
  $("delete-item").addEventListener("click", deleteLoaded);
  $("close-editor").addEventListener("click", () => { $("editor").hidden = true; });
  // Switching the format shows the item again in the other one; typed edits are not converted,
  // so the switch waits until they are saved or closed.
  for (const r of document.querySelectorAll("input[name=fmt]")) {
    r.addEventListener("change", () => {
      if ($("editor").hidden) return;
      if ($("editor-text").value !== state.shown) {
        const back = r.value === "typed" ? "plain" : "typed";
        document.querySelector(`input[name=fmt][value=${back}]`).checked = true;
        return say("Save or close the item before switching its format.");
      }
      state.shown = itemText(state.loaded || keyOf(null), format());
      $("editor-text").value = state.shown;
    });
  }
  $("new-table").addEventListener("click", () => { $("create-form").hidden = false; $("c-name").focus(); });
  $("c-cancel").addEventListener("click", () => { $("create-form").hidden = true; });
  $("create-form").addEventListener("submit", createTable);
  $("show-details").addEventListener("click", () => details(true).catch((e) => say(e.message, true)));
  $("ttl-form").addEventListener("submit", (e) => { e.preventDefault(); changeTtl(true); });
  $("ttl-off").addEventListener("click", () => changeTtl(false));
  $("gsi-form").addEventListener("submit", addIndex);
  $("gsi-drop-form").addEventListener("submit", dropIndex);
  $("danger").addEventListener("submit", (e) => e.preventDefault());
  $("confirm-name").addEventListener("input", confirmed);
  $("truncate").addEventListener("click", truncateTable);
  $("drop-table").addEventListener("click", deleteTable);
  $("prev").addEventListener("click", () => move(-1));
  $("next").addEventListener("click", () => move(1));
  $("page-size").addEventListener("change", () => { state.starts = [null]; state.page = 0; move(0); });
  $("home").addEventListener("click", (e) => {
    e.preventDefault();
    if (location.hash) location.hash = ""; else route();
  });
  window.addEventListener("hashchange", route);
  route();
});
