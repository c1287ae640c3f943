// dualchain explorer: fetches the JSON endpoints and draws them; no analysis here beyond display.
"use strict";

const I18N = {
  zh: {
    title: "创新链–产业链图谱", tab_network: "网络", tab_gaps: "缺口分析", tab_console: "Cypher 查询",
    hops: "跳数", limit: "节点上限", district: "区县", cluster: "集群", size_by: "大小依据", degree: "度", only: "只看", all: "全部",
    find_path: "查找路径", search: "搜索机构、集群、区县…", from: "起点", to: "终点",
    hint: "搜索一个机构、集群或区县，查看其关系网络；点击节点或连线查看属性与来源。",
    truncated: "已达节点上限：共 {found} 个，显示 {shown} 个。可提高上限或减少跳数。",
    properties: "属性", links: "关系", sources: "来源", no_path: "未找到路径",
    path_found: "路径（{hops} 跳）：", loading: "加载中…", console_hint: "只读 Cypher：参数以 $名称 绑定；有超时和行数上限。",
    params: "参数", run: "运行", rows: "{n} 行", capped: "（已截断）", error: "错误",
    gap_supply: "集群创新供给缺口", gap_cc: "耦合协调度（集群）", gap_mismatch: "区县重点产业与本地研发错配",
    gap_spof: "单点依赖（到创新侧的独立路径）", gap_brokers: "关键中介（唯一连接点）", gap_reach: "到最近国家级平台与高校的跳数", gap_absorb: "技术领域的本地产业承接", gap_reco: "合作推荐",
    lang: "English",
  },
  en: {
    title: "Innovation chain – industry chain graph", tab_network: "Network", tab_gaps: "Gaps", tab_console: "Cypher console",
    hops: "Hops", limit: "Node limit", district: "District", cluster: "Cluster", size_by: "Size by", degree: "degree", only: "Only", all: "all",
    find_path: "Find path", search: "Search an organisation, cluster, district…", from: "from", to: "to",
    hint: "Search an organisation, cluster or district to see its network; click a node or link for its properties and sources.",
    truncated: "Node limit reached: {found} found, {shown} shown. Raise the limit or use fewer hops.",
    properties: "Properties", links: "Links", sources: "Sources", no_path: "No path found",
    path_found: "Path ({hops} hops): ", loading: "Loading…", console_hint: "Read-only Cypher: bind parameters as $name; timeout and row cap apply.",
    params: "Parameters", run: "Run", rows: "{n} rows", capped: " (capped)", error: "Error",
    gap_supply: "Cluster innovation supply gap", gap_cc: "Coupling coordination (clusters)", gap_mismatch: "District priorities without local research",
    gap_spof: "Single points of failure (independent routes)", gap_brokers: "Brokers (sole connectors)", gap_reach: "Hops to the nearest national platform and university", gap_absorb: "Local industry for each tech area", gap_reco: "Partner recommendations",
    lang: "中文",
  },
};
const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
const t = (key, vars = {}) => (I18N[lang][key] || key).replace(/\{(\w+)\}/g, (_, k) => vars[k]);
let network = null;
let current = null;

async function api(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!body.ok) throw new Error(body.errors.map(e => e.message).join("; "));
  return body;
}

function applyI18n() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.getElementById("search").placeholder = t("search");
  document.getElementById("path-from").placeholder = t("from");
  document.getElementById("path-to").placeholder = t("to");
  const sw = document.getElementById("lang-switch");
  sw.textContent = t("lang");
  sw.href = lang === "en" ? "?lang=zh" : "?lang=en";
}

function showPage(name) {
  document.querySelectorAll("header a[data-page]").forEach(a => a.classList.toggle("active", a.dataset.page === name));
  document.getElementById("page-network").style.display = name === "network" ? "flex" : "none";
  document.querySelectorAll("section.page").forEach(s => s.classList.toggle("shown", s.id === "page-" + name));
  if (name === "gaps") loadGaps();
}

// ---------------------------------------------------------------- network
function draw(view, meta) {
  // legend and notice first: they change the container's height, and a resized canvas is cleared
  const legend = document.getElementById("legend");
  const used = new Set(view.nodes.map(n => n.label));
  legend.innerHTML = Object.entries(view.legend).filter(([k]) => used.has(k))
    .map(([k, v]) => `<span><i style="background:${v.color}"></i>${lang === "en" ? k : v.zh}</span>`).join("");
  document.getElementById("notice").textContent = meta && meta.truncated ? t("truncated", { found: meta.found, shown: view.nodes.length }) : "";
  const center = meta && meta.center;  // label the center and the larger nodes; the rest on hover
  const nodes = view.nodes.map(n => ({ id: n.id, label: (n.id === center || n.size >= 14 || view.nodes.length <= 40) ? n.name : undefined,
    title: `${n.name} · ${n.label_zh} · ${n.id}`, x: n.x, y: n.y,
    color: n.color, size: n.size, shape: "dot", font: { size: 12 } }));
  const edges = view.links.map((l, i) => ({ id: i, from: l.source, to: l.target, arrows: "to",
    title: `${l.type} (${l.basis})`, color: { color: "#999" }, width: 1 }));
  const data = { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) };
  const options = { physics: false, interaction: { hover: true, tooltipDelay: 150 }, layout: { improvedLayout: false } };
  const container = document.getElementById("network");
  if (network) network.destroy();
  network = new vis.Network(container, data, options);
  container.dataset.drawn = "0";
  network.once("afterDrawing", () => { container.dataset.drawn = "1"; });
  network.on("click", params => {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showLink(view.links[params.edges[0]]);
  });
  container.dataset.nodes = String(nodes.length);
}

async function openNeighbourhood(id) {
  current = id;
  const params = new URLSearchParams({ id, hops: document.getElementById("hops").value,
    limit: document.getElementById("limit").value, size_by: document.getElementById("size-by").value });
  const only = document.getElementById("label-filter").value;
  if (only) params.append("labels", only);
  for (const [field, id] of [["district", "district-filter"], ["cluster", "cluster-filter"]]) {
    const value = document.getElementById(id).value;
    if (value) params.append(field, value);
  }
  const url = "/api/graph/neighbourhood?" + params;
  document.getElementById("json-link").href = url;
  document.getElementById("notice").textContent = t("loading");
  try {
    const body = await api(url);
    draw(body.data, body.meta);
    showEntity(body.meta.center);
  } catch (e) { document.getElementById("notice").textContent = `${t("error")}: ${e.message}`; }
}

const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
const linkify = s => /^https?:\/\//.test(s) ? `<a href="${esc(s)}" target="_blank" rel="noreferrer">${esc(s)}</a>` : esc(s);

async function showEntity(id) {
  const panel = document.getElementById("details");
  try {
    const body = await api("/api/entities/" + encodeURIComponent(id));
    const e = body.data;
    const rows = Object.entries(e.properties).filter(([k, v]) => v !== null && k !== "sources" && !(Array.isArray(v) && !v.length))
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(Array.isArray(v) ? v.join("、") : v)}</td></tr>`).join("");
    const links = e.neighbours.map(n => `<tr><td>${n.direction === "out" ? "→" : "←"} ${esc(n.type)}</td>
      <td><a href="#" data-open="${esc(n.node.id)}">${esc(n.node.name_zh || n.node.id)}</a>
      <br><small>${(n.edge.sources || []).map(linkify).join("<br>")}</small></td></tr>`).join("");
    panel.innerHTML = `<h3 id="detail-name">${esc(e.properties.name_zh)}</h3><p>${esc(e.label)} · <code>${esc(e.id)}</code>
      · <a href="/api/entities/${encodeURIComponent(e.id)}" target="_blank">JSON</a></p>
      <h4>${t("properties")}</h4><table>${rows}</table>
      <h4>${t("sources")}</h4><p>${(e.properties.sources || []).map(linkify).join("<br>")}</p>
      <h4>${t("links")} (${e.neighbours.length})</h4><table>${links}</table>`;
    panel.querySelectorAll("[data-open]").forEach(a => a.addEventListener("click", ev => {
      ev.preventDefault(); openNeighbourhood(a.dataset.open); }));
  } catch (err) { panel.textContent = `${t("error")}: ${err.message}`; }
}

function showLink(link) {
  document.getElementById("details").innerHTML = `<h3>${esc(link.type)}</h3><p><code>${esc(link.source)}</code> → <code>${esc(link.target)}</code></p>
    <p>basis: ${esc(link.basis)}</p><h4>${t("sources")}</h4><p>${link.sources.map(linkify).join("<br>")}</p>
    ${link.evidence.length ? `<h4>evidence</h4><p>${link.evidence.map(esc).join("<br>")}</p>` : ""}`;
}

async function findPath() {
  const from = document.getElementById("path-from").value.trim(), to = document.getElementById("path-to").value.trim();
  if (!from || !to) return;
  const url = "/api/graph/path?" + new URLSearchParams({ from, to });
  document.getElementById("json-link").href = url;
  try {
    const body = await api(url);
    draw(body.data, null);
    const names = body.data.nodes.map(n => n.name);
    const panel = document.getElementById("details");
    panel.innerHTML = `<h3 id="path-result">${t("path_found", { hops: names.length - 1 })}${names.map(esc).join(" → ")}</h3>` +
      body.meta.edges.map(e => `<p><code>${esc(e.source)}</code> -[${esc(e.type)}]→ <code>${esc(e.target)}</code><br><small>${e.sources.map(linkify).join("<br>")}</small></p>`).join("");
  } catch (e) { document.getElementById("details").innerHTML = `<h3 id="path-result">${t("no_path")}</h3><p>${esc(e.message)}</p>`; }
}

// ---------------------------------------------------------------- search
let timer = null;
function setupSearch() {
  const input = document.getElementById("search"), box = document.getElementById("suggest");
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) { box.innerHTML = ""; return; }
      const body = await api("/api/entities?" + new URLSearchParams({ q, page_size: 12 }));
      box.innerHTML = body.data.map(e => `<div data-id="${esc(e.id)}">${esc(e.name_zh || e.id)} <small>${esc(e.label)}</small></div>`).join("");
      box.querySelectorAll("div").forEach(d => d.addEventListener("click", () => {
        box.innerHTML = ""; input.value = d.textContent; openNeighbourhood(d.dataset.id); }));
    }, 200);
  });
  input.addEventListener("keydown", ev => {
    if (ev.key === "Enter") { const first = box.querySelector("div"); if (first) first.click(); }
  });
}

// ---------------------------------------------------------------- gaps
function table(title, url, columns, rows) {
  const head = columns.map((c, i) => `<th data-col="${i}">${esc(c[0])}</th>`).join("");
  const body = rows.map(r => "<tr>" + columns.map(c => `<td>${c[1](r)}</td>`).join("") + "</tr>").join("");
  const heading = title ? `<h3>${esc(title)} <small><a href="${url}" target="_blank">JSON</a></small></h3>` : "";
  return `${heading}<table class="data"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
const ent = (id, name) => `<a href="#" data-open="${esc(id)}">${esc(name || id)}</a>`;

async function loadGaps() {
  const page = document.getElementById("page-gaps");
  page.textContent = t("loading");
  const g = (await api(`/api/gaps?lang=${lang}`)).data;
  page.innerHTML =
    table(t("gap_supply"), "/api/gaps/cluster_supply_gap", [["cluster", r => ent(r.id, r.name_zh)], ["supply", r => r.supply],
      ["base", r => r.base], ["gap", r => r.gap], ["flag", r => r.flag || ""]], g.cluster_supply_gap) +
    table(t("gap_cc"), "/api/gaps/coupling_coordination", [["cluster", r => ent(r.id, r.name_zh)], ["U1", r => r.U1], ["U2", r => r.U2],
      ["C", r => r.C], ["D", r => r.D], ["level", r => esc(r.level)], ["lagging", r => r.lagging || ""]], g.coupling_coordination.cluster.rows) +
    table(t("gap_mismatch"), "/api/gaps/district_mismatch", [["district", r => ent(r.district, r.district_name)],
      ["cluster", r => ent(r.cluster, r.cluster_name)], ["local research", r => r.local_supply.length], ["events", r => r.local_events.length],
      ["mismatch", r => r.mismatch ? "✗" : ""]], g.district_mismatch) +
    table(t("gap_spof"), "/api/gaps/single_points_of_failure", [["cluster", r => ent(r.id, r.name_zh)], ["routes", r => r.routes],
      ["cut by", r => r.cut_nodes.map((n, i) => ent(n, r.cut_node_names[i])).join("、")]], g.single_points_of_failure) +
    table(t("gap_brokers"), "/api/gaps/brokers", [["node", r => ent(r.id, r.name_zh)], ["label", r => esc(r.label)],
      ["clusters", r => r.clusters.map((c, i) => ent(c, r.cluster_names[i])).join("、")]], g.brokers) +
    table(t("gap_reach"), "/api/gaps/reach", [["cluster", r => ent(r.id, r.name_zh)],
      ["hops to national platform", r => r.hops_national_platform ?? "—"], ["hops to university", r => r.hops_university ?? "—"]], g.reach) +
    table(t("gap_absorb"), "/api/gaps/absorption_gap", [["tech area", r => ent(r.id, r.name_zh)], ["researchers", r => r.researchers],
      ["enterprises", r => r.enterprises], ["ratio", r => r.ratio], ["flag", r => r.flag || ""]], g.absorption_gap) +
    table(t("gap_reco"), "/api/gaps/partner_recommendations", [["innovation", r => ent(r.innovation, r.innovation_name)],
      ["enterprise", r => ent(r.enterprise, r.enterprise_name)], ["score", r => r.score],
      ["shared", r => r.shared.map(x => esc(x.name_zh || x.id)).join("、")]], g.partner_recommendations.rows);
  page.querySelectorAll("[data-open]").forEach(a => a.addEventListener("click", ev => {
    ev.preventDefault(); showPage("network"); openNeighbourhood(a.dataset.open); }));
  page.querySelectorAll("th").forEach(th => th.addEventListener("click", () => sortTable(th)));
}

function sortTable(th) {
  const tbody = th.closest("table").querySelector("tbody"), i = Number(th.dataset.col);
  const rows = [...tbody.rows], asc = th.dataset.asc !== "1";
  rows.sort((a, b) => {
    const x = a.cells[i].textContent, y = b.cells[i].textContent, nx = parseFloat(x), ny = parseFloat(y);
    const cmp = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "zh");
    return asc ? cmp : -cmp;
  });
  th.dataset.asc = asc ? "1" : "0";
  rows.forEach(r => tbody.appendChild(r));
}

// ---------------------------------------------------------------- console
async function runCypher() {
  const out = document.getElementById("cypher-result");
  let params;
  try { params = JSON.parse(document.getElementById("cypher-params").value || "{}"); }
  catch (e) { out.textContent = `${t("error")}: ${e.message}`; return; }
  const payload = { query: document.getElementById("cypher").value, params };
  document.getElementById("cypher-curl").textContent =
    `curl -s -X POST ${location.origin}/api/cypher -H 'Content-Type: application/json' -d '${JSON.stringify(payload).replace(/'/g, "'\\''")}'`;
  try {
    const body = await api("/api/cypher", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
    const cols = body.data.columns;
    out.innerHTML = `<p>${t("rows", { n: body.data.rows.length })}${body.meta.truncated ? t("capped") : ""}</p>` +
      table("", "#", cols.map(c => [c, r => esc(typeof r[c] === "object" ? JSON.stringify(r[c]) : r[c])]), body.data.rows);
  } catch (e) { out.textContent = `${t("error")}: ${e.message}`; }
}

// ---------------------------------------------------------------- start
document.addEventListener("DOMContentLoaded", () => {
  new ResizeObserver(() => { if (network) { network.setSize("100%", "100%"); network.redraw(); } })
    .observe(document.getElementById("network"));
  applyI18n();
  document.querySelectorAll("header a[data-page]").forEach(a => a.addEventListener("click", () => showPage(a.dataset.page)));
  const filter = document.getElementById("label-filter");
  api("/api/legend").then(body => Object.entries(body.data).filter(([l]) => l !== "Source").forEach(([l, v]) =>
    filter.insertAdjacentHTML("beforeend", `<option value="${l}">${lang === "en" ? l : v.zh}</option>`)));
  for (const [label, id] of [["District", "district-filter"], ["Cluster", "cluster-filter"]]) {
    api("/api/entities?" + new URLSearchParams({ label, page_size: 200 })).then(body => {
      const select = document.getElementById(id);
      body.data.sort((a, b) => a.id.localeCompare(b.id))
        .forEach(e => select.insertAdjacentHTML("beforeend", `<option value="${esc(e.id)}">${esc(e.name_zh)}</option>`));
    });
  }
  ["hops", "limit", "size-by", "label-filter", "district-filter", "cluster-filter"].forEach(id => document.getElementById(id).addEventListener("change", () => current && openNeighbourhood(current)));
  document.getElementById("path-go").addEventListener("click", findPath);
  document.getElementById("cypher-run").addEventListener("click", runCypher);
  setupSearch();
  showPage("network");
  const start = new URLSearchParams(location.search).get("id");
  if (start) openNeighbourhood(start);
});
