// folio search: the same segmentation as the index (internal/search):
// Chinese by bigrams (a lone character by itself), other words lower-cased;
// only the index fragments of the query's tokens and the document shards of
// the results are loaded.
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

export function queryTokens(query) {
  const text = query.normalize("NFKC").toLowerCase();
  const out = [];
  const seen = new Set();
  const add = (t) => {
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  };
  let han = [];
  let word = "";
  const flush = () => {
    if (han.length === 1) add(han[0]);
    for (let i = 1; i < han.length; i++) add(han[i - 1] + han[i]);
    han = [];
    add(word);
    word = "";
  };
  for (const ch of text) {
    if (HAN.test(ch)) {
      if (word) flush();
      han.push(ch);
    } else if (WORD.test(ch)) {
      if (han.length) flush();
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// FNV-1a, 32 bits, over UTF-8: the fragment a token lives in.
export function fragment(token, fragments) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(token)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % fragments;
}

const cache = new Map();
function load(url) {
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    }));
  }
  return cache.get(url);
}

// terms are the runs of a query a result must contain.
function terms(query) {
  return query.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// search returns the best documents for query; part, when given, keeps
// only those of one installment of a series.
export async function search(indexURL, query, limit = 20, part = "") {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const meta = await load(indexURL + "meta.json");
  const lists = await Promise.all(tokens.map(async (t) => {
    const frag = await load(indexURL + "t-" + fragment(t, meta.fragments) + ".json");
    const docs = new Map();
    const flat = frag.p[t] || [];
    for (let i = 0, doc = 0; i + 1 < flat.length; i += 2) {
      doc += flat[i];
      docs.set(doc, flat[i + 1]);
    }
    return { docs, capped: (frag.c || []).includes(t) };
  }));
  // Documents must be in every complete list; a capped list (a very
  // common token) only adds to the score, and results are checked for it.
  const anyComplete = lists.some((l) => !l.capped);
  const anyCapped = lists.some((l) => l.capped);
  let scores = null;
  for (const l of lists) {
    if (l.capped && anyComplete) continue;
    const next = new Map();
    for (const [doc, s] of l.docs) {
      if (scores === null) next.set(doc, s);
      else if (scores.has(doc)) next.set(doc, scores.get(doc) + s);
    }
    scores = next;
  }
  for (const l of lists) {
    if (l.capped && anyComplete) for (const [doc, s] of scores) scores.set(doc, s + (l.docs.get(doc) || 0));
  }
  let candidates = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  // Within one installment of a series: its documents follow each other,
  // so the others' are left out before any of their shards is loaded.
  const range = part && meta.parts && meta.parts[part];
  if (range) candidates = candidates.filter(([doc]) => doc >= range[0] && doc < range[1]);
  const need = terms(query);
  const results = [];
  for (let i = 0; i < candidates.length && results.length < limit; i++) {
    if (anyCapped && i >= 5 * limit) break;
    const [doc, score] = candidates[i];
    const shard = await load(indexURL + "d-" + Math.floor(doc / meta.shard) + ".json");
    const d = shard[doc % meta.shard];
    if (part && d.p !== part) continue;
    if (anyCapped) {
      const text = (d.t + " " + (d.s || "") + " " + d.x).normalize("NFKC").toLowerCase();
      if (!need.every((n) => text.includes(n))) continue;
    }
    results.push({ ...d, score });
  }
  return results;
}

// snippet returns the text around the first match, in plain and matched
// parts for highlighting.
export function snippet(text, query, width = 60) {
  const needles = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  const lower = text.toLowerCase();
  let at = -1;
  let len = 0;
  for (const n of needles) {
    const i = lower.indexOf(n);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = n.length;
    }
  }
  if (at < 0) return [{ text: text.slice(0, width * 2) + (text.length > width * 2 ? "…" : ""), match: false }];
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + len + width);
  return [
    { text: (start > 0 ? "…" : "") + text.slice(start, at), match: false },
    { text: text.slice(at, at + len), match: true },
    { text: text.slice(at + len, end) + (end < text.length ? "…" : ""), match: false },
  ];
}

function render(root, results, query, parts) {
  const list = root.querySelector("[data-search-results]");
  const status = root.querySelector("[data-search-status]");
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = results.length ? `找到 ${results.length} 条与“${query}”相关的结果。` : `没有找到与“${query}”相关的内容，换个词试试。`;
  const base = root.dataset.root;
  for (const r of results) {
    const li = document.createElement("li");
    li.className = "search-result";
    const h = document.createElement("h2");
    const a = document.createElement("a");
    a.href = base + r.u;
    a.textContent = r.s ? `${r.t} · ${r.s}` : r.t;
    if (r.p && parts.has(r.p)) {
      const label = document.createElement("span");
      label.className = "search-part";
      label.textContent = parts.get(r.p);
      h.append(label, " ");
    }
    h.append(a);
    const p = document.createElement("p");
    for (const part of snippet(r.x, query)) {
      if (part.match) {
        const m = document.createElement("mark");
        m.textContent = part.text;
        p.append(m);
      } else {
        p.append(part.text);
      }
    }
    li.append(h, p);
    list.append(li);
  }
}

function start() {
  const root = document.querySelector("[data-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  // A series' search page offers its installments to search within.
  const select = form.querySelector("[data-search-parts]");
  const parts = new Map();
  if (select) for (const o of select.options) if (o.value) parts.set(o.value, o.textContent);
  root.hidden = false;
  let seq = 0;
  const run = async () => {
    const q = input.value;
    const mine = ++seq;
    const part = select ? select.value : "";
    const url = new URL(location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    if (part) url.searchParams.set("in", part);
    else url.searchParams.delete("in");
    history.replaceState(null, "", url);
    try {
      const results = await search(root.dataset.index, q, 20, part);
      if (mine === seq) render(root, results, q, parts);
    } catch (e) {
      root.querySelector("[data-search-status]").textContent = "搜索索引加载失败，请稍后再试。";
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  if (select) {
    select.value = new URLSearchParams(location.search).get("in") || "";
    select.addEventListener("change", run);
  }
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run();
  }
}

start();
