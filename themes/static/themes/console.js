// The KCC console: a client of the public GraphQL API (with the agent's KCC token).
// Plain modern JavaScript, no build step. Pure helpers live in console-lib.js.
import {
  CHANNEL_LABELS,
  chooseCompletion,
  composeSummary,
  escapeHtml,
  formatDateNl,
  glanceFacts,
  onlineChannel,
  openingText,
  safeHighlight,
} from "./console-lib.js";
import {
  ARTICLE_QUERY,
  OPENED_MUTATION,
  PRODUCT_QUERY,
  SEARCH_QUERY,
  SUGGEST_QUERY,
} from "./console-queries.js";

const config = JSON.parse(document.getElementById("console-config").textContent);
const SEARCH_DELAY = 150; // ms after the last key: fast enough to feel instant, few requests
const SUGGEST_DELAY = 60;
// Below this width the answer replaces the results (the layout's breakpoint, console.css).
const oneColumn = matchMedia("(max-width: 59.99em)");
const touch = matchMedia("(pointer: coarse)");

const input = document.getElementById("q");
const form = document.getElementById("search-form");
const ghost = document.getElementById("q-ghost");
const ghostTyped = ghost.querySelector(".search-box__typed");
const ghostRest = ghost.querySelector(".search-box__rest");
const completionLive = document.getElementById("completion");
const statusEl = document.getElementById("status");
const resultsEl = document.getElementById("results");
const answerEl = document.getElementById("answer");
const welcomeEl = document.getElementById("welcome");
const dialog = document.getElementById("feedback-dialog");
const feedbackForm = document.getElementById("feedback-form");
const shortcutToggle = document.getElementById("shortcuts-enabled");
const layout = document.body;

const state = {
  results: [],
  active: -1,
  query: "", // the query the results belong to
  searchId: null, // id of the search in the search log (for "opened" and "answered")
  completion: "",
  searchSeq: 0,
  suggestSeq: 0,
  pending: null, // promise of the running search
  searchTimer: 0,
  suggestTimer: 0,
  current: null, // { kind, data, position }
};

// --- GraphQL -------------------------------------------------------------------------------

async function gql(query, variables, signal) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  const response = await fetch(config.graphqlUrl, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
    credentials: "same-origin",
    signal,
  });
  const payload = await response.json().catch(() => ({}));
  if (!payload.data && payload.errors) {
    throw new Error(payload.errors.map((e) => e.message).join("; "));
  }
  if (!response.ok && !payload.data) throw new Error(`HTTP ${response.status}`);
  return payload.data || {};
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrfToken },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function logEvent(event, extra) {
  const item = state.current;
  if (!item) return Promise.resolve();
  return postJson(config.eventUrl, {
    event,
    type: item.kind,
    slug: item.data.slug,
    query: state.query,
    searchId: state.searchId,
    ...extra,
  }).catch(() => {}); // logging must never get in the agent's way
}

// --- Search as you type ----------------------------------------------------------------------

function setStatus(html) {
  statusEl.innerHTML = html;
}

function runSearch() {
  clearTimeout(state.searchTimer);
  state.searchTimer = 0;
  const text = input.value.trim();
  const seq = ++state.searchSeq;
  if (!text) {
    state.results = [];
    state.query = "";
    renderResults();
    setStatus("");
    state.pending = Promise.resolve();
    return state.pending;
  }
  state.pending = gql(SEARCH_QUERY, { query: text, first: 10 })
    .then((data) => {
      if (seq !== state.searchSeq) return; // a newer search is under way
      const search = data.search || { hits: [] };
      state.results = search.hits || [];
      state.query = text;
      state.searchId = search.searchId ?? null;
      state.active = -1; // nothing chosen until an arrow key: ↓ goes to the first result
      renderResults();
      if (!state.results.length) closeAnswer(); // never leave an answer to another question
      const count = search.total ?? state.results.length;
      let message = count
        ? `${count} ${count === 1 ? "resultaat" : "resultaten"} voor “${escapeHtml(text)}”.`
        : `Niets gevonden voor “${escapeHtml(text)}”.`;
      if (search.correctedQuery && count) {
        message += ` Gezocht op “${escapeHtml(search.correctedQuery)}”.`;
      }
      if (search.suggestion) {
        message += ` Bedoelt u <button type="button" data-suggestion="${escapeHtml(
          search.suggestion,
        )}">${escapeHtml(search.suggestion)}</button>?`;
      }
      if (search.degraded) message += " (Beperkte zoekfunctie: de zoekmachine is traag of weg.)";
      setStatus(message);
    })
    .catch((error) => {
      if (seq !== state.searchSeq) return;
      setStatus(`Zoeken lukt nu niet (${escapeHtml(error.message)}). Probeer het opnieuw.`);
    });
  return state.pending;
}

function scheduleSearch() {
  clearTimeout(state.searchTimer);
  state.searchTimer = setTimeout(runSearch, SEARCH_DELAY);
}

async function runSuggest() {
  const typed = input.value;
  const seq = ++state.suggestSeq;
  if (!typed.trim() || input.selectionStart !== typed.length) return setCompletion("");
  try {
    const data = await gql(SUGGEST_QUERY, { prefix: typed.trim() });
    if (seq !== state.suggestSeq || input.value !== typed) return;
    const hit = chooseCompletion(typed, data.suggest || []);
    setCompletion(hit ? typed + hit.slice(typed.length).toLowerCase() : "");
  } catch {
    setCompletion("");
  }
  ghost.dataset.prefix = typed; // the text the completion was chosen for
}

function setCompletion(text) {
  ghostTyped.textContent = text ? input.value : "";
  ghostRest.textContent = text ? text.slice(input.value.length) : "";
  // The overlay does not scroll with the input: a completion that does not fit is left out.
  if (text && ghost.scrollWidth > ghost.clientWidth) return setCompletion("");
  state.completion = text;
  completionLive.textContent = text ? `Aanvulling: ${text}. Tab om over te nemen.` : "";
}

function acceptCompletion() {
  if (!state.completion) return false;
  input.value = state.completion;
  setCompletion("");
  runSearch();
  return true;
}

// --- Results ---------------------------------------------------------------------------------

function renderResults() {
  resultsEl.innerHTML = "";
  state.results.forEach((hit, index) => {
    const li = document.createElement("li");
    li.id = `result-${index}`;
    li.className = "result";
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", String(index === state.active));
    const kind = hitKind(hit);
    const entry = hit.product || hit.article || {};
    const facts = kind === "product" ? glanceFacts(entry) : [];
    li.innerHTML = `
      <p class="result__head">
        <span class="badge ${kind === "product" ? "badge--product" : ""}">${
          kind === "product" ? "Product" : "Kennisartikel"
        }</span>
        <span class="result__title">${escapeHtml(hit.title)}</span>
        ${hit.bestBet ? '<span class="badge">Aanbevolen</span>' : ""}
      </p>
      <p class="result__snippet">${safeHighlight(hit.highlight || hit.summary || "")}</p>
      ${
        facts.length
          ? `<ul class="glance" aria-label="In het kort">${facts
              .map(
                (f) =>
                  `<li><span class="glance__label">${escapeHtml(f.label)}:</span> ${escapeHtml(
                    f.value,
                  )}</li>`,
              )
              .join("")}</ul>`
          : ""
      }`;
    li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box
    li.addEventListener("click", () => {
      setActive(index);
      openResult(index);
    });
    resultsEl.appendChild(li);
  });
  const open = state.results.length > 0;
  resultsEl.hidden = !open;
  input.setAttribute("aria-expanded", String(open));
  updateActiveDescendant();
}

function hitKind(hit) {
  const type = String(hit.type || hit.__typename || "").toLowerCase();
  return type.includes("article") ? "article" : "product";
}

function setActive(index) {
  if (!state.results.length) return;
  state.active = Math.max(-1, Math.min(index, state.results.length - 1)); // -1: none chosen
  resultsEl.querySelectorAll(".result").forEach((li, i) => {
    li.setAttribute("aria-selected", String(i === state.active));
  });
  updateActiveDescendant();
  resultsEl.children[state.active]?.scrollIntoView({ block: "nearest" });
}

function updateActiveDescendant() {
  if (state.active >= 0 && state.results.length) {
    input.setAttribute("aria-activedescendant", `result-${state.active}`);
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

async function openResult(index) {
  const hit = state.results[index];
  if (!hit) return;
  const kind = hitKind(hit);
  const slug = (hit.product || hit.article || {}).slug;
  await openEntry(kind, slug, hit.position || index + 1);
}

async function openEntry(kind, slug, position = null) {
  setStatus(`Antwoord laden…`);
  try {
    const data = await gql(kind === "product" ? PRODUCT_QUERY : ARTICLE_QUERY, { slug });
    const entry = kind === "product" ? data.product : data.knowledgeArticle;
    if (!entry) throw new Error("niet gevonden");
    state.current = { kind, data: entry, position };
    if (kind === "product") renderProduct(entry);
    else renderArticle(entry);
    welcomeEl.hidden = true;
    answerEl.hidden = false;
    setStatus("");
    showView("answer");
    document.getElementById("answer-title").focus({ preventScroll: true });
    if (oneColumn.matches) answerEl.scrollIntoView({ block: "start" });
    if (position && state.searchId) {
      // The search log learns which result helped (through the API, like any client).
      gql(OPENED_MUTATION, { searchId: state.searchId, pageId: entry.id, position }).catch(() => {});
    }
  } catch (error) {
    setStatus(`Dit antwoord kan nu niet worden geladen (${escapeHtml(error.message)}).`);
  }
}

// --- The answer panel ------------------------------------------------------------------------

function list(items, render = (x) => escapeHtml(x)) {
  return `<ul>${items.map((item) => `<li>${render(item)}</li>`).join("")}</ul>`;
}

function link(url, label) {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(
    label || url,
  )}<span class="visually-hidden"> (opent in nieuw venster)</span></a>`;
}

function backHtml() {
  return `<button type="button" class="button button--secondary answer__back" data-back>Terug naar resultaten</button>`;
}

function actionsHtml() {
  return `
    <div class="actions">
      <button type="button" class="button" id="copy-summary">Stuur naar inwoner (kopiëren)</button>
      <button type="button" class="button button--secondary" id="report-problem">Antwoord ontbreekt of klopt niet</button>
      <button type="button" class="button button--secondary" id="mark-answered">Contact beantwoord</button>
    </div>
    <p id="action-status" class="status" role="status" aria-live="polite"></p>`;
}

function summaryHtml(text) {
  return `
    <details class="summary-preview">
      <summary>Tekst voor de inwoner bekijken</summary>
      <pre id="citizen-summary">${escapeHtml(text)}</pre>
    </details>`;
}

function renderProduct(p) {
  const today = formatDateNl(new Date());
  const online = onlineChannel(p);
  const steer = online
    ? `<div class="steer" role="note" aria-label="Kanaalsturing">
         <p class="steer__title">Dit kan online. Wijs de inwoner eerst hierop:</p>
         <p>${link(online.url)}</p>
       </div>`
    : "";
  const fees = (p.fees || []).map(
    (f) =>
      `${escapeHtml(f.label)}: <strong>${escapeHtml(f.formatted)}</strong>${
        f.channel ? ` <span class="hint">(alleen ${escapeHtml(CHANNEL_LABELS[f.channel] || f.channel)})</span>` : ""
      }`,
  );
  const lead = p.leadTime;
  const readyBy = lead?.readyBy && lead.unit !== "IMMEDIATE"
    ? `<p>Aanvraag vandaag (${escapeHtml(today)}): <span class="ready-by">klaar op ${escapeHtml(
        formatDateNl(lead.readyBy),
      )}</span></p>`
    : "";
  const docs = (p.requiredDocuments || []).map(
    (d) =>
      `${escapeHtml(d.name || d.title || d)}${d.note ? ` <span class="hint">— ${escapeHtml(d.note)}</span>` : ""}`,
  );
  const conditions = (p.conditions || []).map((c) => (typeof c === "string" ? c : c.text));
  const channels = (p.channels || []).filter((c) => c.availability !== "NOT_OFFERED");
  const channelItems = channels
    .map((c) => {
      const appointment = c.availability === "APPOINTMENT";
      const parts = [
        `<span><span class="channel__name">${escapeHtml(CHANNEL_LABELS[c.kind] || c.kind)}</span>${
          appointment ? ' <span class="badge badge--appointment">Op afspraak</span>' : ""
        }</span>`,
      ];
      if (c.url) parts.push(`<span>${link(c.url, c.kind === "ONLINE" ? "Online regelen" : c.url)}</span>`);
      if (c.appointmentUrl)
        parts.push(
          `<span>${link(c.appointmentUrl, "Afspraak maken")}${
            c.appointmentMinutes ? ` <span class="hint">(${c.appointmentMinutes} minuten)</span>` : ""
          }</span>`,
        );
      const places = (c.locations || []).map((l) => l.name || l).filter(Boolean);
      if (places.length) parts.push(`<span class="hint">${escapeHtml(places.join(", "))}</span>`);
      if (c.whatToBring) parts.push(`<span>Meenemen: ${escapeHtml(c.whatToBring)}</span>`);
      return `<li class="channel">${parts.join("")}</li>`;
    })
    .join("");
  const locations = (p.locations || []).map((l) => {
    const hours = openingText(l.openingHours);
    return `<strong>${escapeHtml(l.name)}</strong><br><span class="hint">${escapeHtml(
      l.address || "",
    )}</span><br><span class="${hours.open ? "open-now" : "closed-now"}">${escapeHtml(hours.text)}</span>`;
  });
  const service = p.responsibleService;
  const internal = [];
  if (service?.routingInternal) internal.push(`<p>${escapeHtml(service.routingInternal)}</p>`);
  if (service?.routingHours) internal.push(`<p class="hint">Bereikbaar: ${escapeHtml(service.routingHours)}</p>`);
  if (p.kccInternalNotes) internal.push(`<p>${escapeHtml(p.kccInternalNotes)}</p>`);
  const faqs = (p.faqs || [])
    .map(
      (f) =>
        `<details><summary>${escapeHtml(f.question)}</summary><div>${f.answer || ""}</div></details>`,
    )
    .join("");
  const articles = p.articles || p.relatedArticles || [];
  const summary = composeSummary(p, config.municipality, new Date());

  answerEl.innerHTML = `
    <p class="answer__meta"><span class="badge badge--product">Product</span>
      ${p.upl?.name ? `UPL: ${escapeHtml(p.upl.name)}` : ""}</p>
    ${backHtml()}
    <h2 id="answer-title" class="answer__title" tabindex="-1">${escapeHtml(p.title)}</h2>
    ${steer}
    ${actionsHtml()}
    <div class="kcc-text">${p.text || `<p>${escapeHtml(p.summary || "")}</p>`}</div>
    <div class="facts">
      <section class="fact" aria-labelledby="fact-fees"><h3 id="fact-fees">Kosten (vandaag)</h3>
        ${fees.length ? list(fees, (x) => x) : "<p>Geen kosten bekend.</p>"}</section>
      <section class="fact" aria-labelledby="fact-lead"><h3 id="fact-lead">Doorlooptijd</h3>
        <p>${escapeHtml(lead?.formatted || "Niet bekend.")}</p>${readyBy}</section>
      <section class="fact" aria-labelledby="fact-docs"><h3 id="fact-docs">Meenemen</h3>
        ${docs.length ? list(docs, (x) => x) : "<p>Niets bijzonders.</p>"}</section>
      <section class="fact" aria-labelledby="fact-conditions"><h3 id="fact-conditions">Voorwaarden</h3>
        ${conditions.length ? list(conditions) : "<p>Geen bijzondere voorwaarden.</p>"}</section>
      <section class="fact fact--wide" aria-labelledby="fact-channels"><h3 id="fact-channels">Kanalen (in volgorde van voorkeur)</h3>
        ${channelItems ? `<ol class="channels">${channelItems}</ol>` : "<p>Geen kanalen bekend.</p>"}</section>
      ${
        locations.length
          ? `<section class="fact fact--wide" aria-labelledby="fact-locations"><h3 id="fact-locations">Locaties</h3>${list(
              locations,
              (x) => x,
            )}</section>`
          : ""
      }
      <section class="fact" aria-labelledby="fact-service"><h3 id="fact-service">Verantwoordelijke dienst</h3>
        <p>${escapeHtml(service?.name || "Onbekend")}</p>
        ${service?.phone ? `<p>Tel. ${escapeHtml(service.phone)}</p>` : ""}
        ${service?.email ? `<p>${escapeHtml(service.email)}</p>` : ""}</section>
      <section class="fact fact--internal" aria-labelledby="fact-internal"><h3 id="fact-internal">Tweede lijn (intern)</h3>
        ${internal.join("") || "<p>Geen interne routering vastgelegd.</p>"}</section>
    </div>
    ${faqs ? `<section class="faq" aria-labelledby="faq-title"><h3 id="faq-title">Veelgestelde vragen</h3>${faqs}</section>` : ""}
    ${relatedHtml(articles, "article", "Gerelateerde kennisartikelen")}
    ${summaryHtml(summary)}`;
  bindAnswerActions(summary);
}

function renderArticle(a) {
  const summary = composeSummary(a, config.municipality, new Date());
  answerEl.innerHTML = `
    <p class="answer__meta"><span class="badge">Kennisartikel</span></p>
    ${backHtml()}
    <h2 id="answer-title" class="answer__title" tabindex="-1">${escapeHtml(a.title)}</h2>
    ${actionsHtml()}
    <div class="kcc-text">${a.text || `<p>${escapeHtml(a.summary || "")}</p>`}</div>
    ${a.kccInternalNotes ? `<div class="fact fact--internal"><h3>Intern</h3><p>${escapeHtml(a.kccInternalNotes)}</p></div>` : ""}
    ${a.responsibleService ? `<p class="hint">Verantwoordelijke dienst: ${escapeHtml(a.responsibleService.name)}</p>` : ""}
    ${relatedHtml(a.relatedProducts || [], "product", "Gerelateerde producten")}
    ${summaryHtml(summary)}`;
  bindAnswerActions(summary);
}

function relatedHtml(items, kind, title) {
  if (!items.length) return "";
  const buttons = items
    .map(
      (item) =>
        `<li><button type="button" data-open-kind="${kind}" data-open-slug="${escapeHtml(
          item.slug,
        )}">${escapeHtml(item.title)}</button></li>`,
    )
    .join("");
  return `<section aria-labelledby="related-${kind}"><h3 id="related-${kind}">${escapeHtml(
    title,
  )}</h3><ul class="related">${buttons}</ul></section>`;
}

function bindAnswerActions(summary) {
  const actionStatus = document.getElementById("action-status");
  document.getElementById("copy-summary").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(summary);
      actionStatus.textContent = "Gekopieerd. Plak de tekst in een e-mail of sms.";
    } catch {
      // No clipboard permission: select the text so Ctrl+C works.
      const details = answerEl.querySelector(".summary-preview");
      details.open = true;
      const range = document.createRange();
      range.selectNodeContents(document.getElementById("citizen-summary"));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      actionStatus.textContent = "Kopiëren lukte niet automatisch: de tekst is geselecteerd, druk op Ctrl+C.";
    }
    logEvent("sent");
  });
  document.getElementById("report-problem").addEventListener("click", openFeedback);
  answerEl.querySelector("[data-back]").addEventListener("click", backToResults);
  document.getElementById("mark-answered").addEventListener("click", async () => {
    await logEvent("answered");
    actionStatus.textContent = "Vastgelegd: dit antwoord heeft het contact beantwoord.";
  });
  answerEl.querySelectorAll("[data-open-slug]").forEach((button) => {
    button.addEventListener("click", () =>
      openEntry(button.dataset.openKind, button.dataset.openSlug),
    );
  });
}

// --- Results or answer: one view at a time in one column (a phone) ------------------------------

function showView(view) {
  if (view === "answer" && oneColumn.matches && layout.dataset.consoleView !== "answer") {
    // The phone's back gesture returns to the results instead of leaving the console.
    history.pushState({ consoleView: "answer" }, "");
  }
  layout.dataset.consoleView = view;
}

function backToResults() {
  if (history.state?.consoleView === "answer") history.back(); // popstate shows the results
  else showResults();
}

function showResults() {
  layout.dataset.consoleView = "results";
  const active = resultsEl.children[state.active];
  if (active) active.scrollIntoView({ block: "center" });
  else window.scrollTo(0, 0);
  // On a touch screen focusing the box would pop up the keyboard over the results.
  if (!touch.matches) input.focus({ preventScroll: true });
}

function closeAnswer() {
  state.current = null;
  answerEl.hidden = true;
  answerEl.innerHTML = "";
  welcomeEl.hidden = false;
  layout.dataset.consoleView = "results";
}

window.addEventListener("popstate", () => {
  if (layout.dataset.consoleView === "answer") showResults();
});

// --- Feedback ("Antwoord ontbreekt of klopt niet") -------------------------------------------

let feedbackReturn = null;

function openFeedback(event) {
  feedbackReturn = event?.currentTarget || document.activeElement;
  feedbackForm.reset();
  const context = document.getElementById("feedback-context");
  const item = state.current;
  context.textContent = [
    state.query ? `Zoekvraag: “${state.query}”` : "",
    item ? `Getoond: ${item.data.title}` : "Geen antwoord getoond",
  ]
    .filter(Boolean)
    .join(" · ");
  dialog.showModal();
}

document.getElementById("feedback-cancel").addEventListener("click", () => dialog.close());
dialog.addEventListener("close", () => (feedbackReturn || input).focus());

feedbackForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(feedbackForm);
  const item = state.current;
  const target = document.getElementById("action-status") || statusEl;
  try {
    const result = await postJson(config.feedbackUrl, {
      kind: data.get("kind"),
      remark: data.get("remark") || "",
      query: state.query || input.value.trim(),
      type: item?.kind || null,
      slug: item?.data.slug || null,
    });
    dialog.close();
    target.textContent = `Melding verstuurd naar ${result.service || "de redactie"}. Dank u wel.`;
  } catch (error) {
    target.textContent = `Melden lukte niet (${error.message}). Probeer het opnieuw.`;
    dialog.close();
  }
});

// --- Keyboard --------------------------------------------------------------------------------

input.addEventListener("input", () => {
  setCompletion(state.completion.toLowerCase().startsWith(input.value.toLowerCase()) && input.value ? state.completion : "");
  clearTimeout(state.suggestTimer);
  state.suggestTimer = setTimeout(runSuggest, SUGGEST_DELAY);
  scheduleSearch();
});

input.addEventListener("keydown", async (event) => {
  if (event.isComposing) return;
  const atEnd = input.selectionStart === input.value.length;
  switch (event.key) {
    case "ArrowDown":
      event.preventDefault();
      if (state.searchTimer) await runSearch();
      setActive(state.active + 1);
      break;
    case "ArrowUp":
      event.preventDefault();
      setActive(state.active - 1);
      break;
    case "Tab":
      if (!event.shiftKey && state.completion && acceptCompletion()) event.preventDefault();
      break;
    case "ArrowRight":
      if (atEnd && state.completion && acceptCompletion()) event.preventDefault();
      break;
    case "Enter":
      event.preventDefault();
      if (state.searchTimer || input.value.trim() !== state.query) await runSearch();
      else await state.pending;
      if (state.results.length) openResult(Math.max(state.active, 0));
      break;
    case "Escape":
      event.preventDefault();
      if (state.completion) setCompletion("");
      else if (input.value) {
        input.value = "";
        runSearch();
      }
      break;
    default:
  }
});

form.addEventListener("submit", (event) => event.preventDefault());

statusEl.addEventListener("click", (event) => {
  const button = event.target.closest("[data-suggestion]");
  if (!button) return;
  input.value = button.dataset.suggestion;
  input.focus();
  runSearch();
});

function shortcutsEnabled() {
  return !shortcutToggle || shortcutToggle.checked;
}

if (shortcutToggle) {
  shortcutToggle.checked = localStorage.getItem("kcc-shortcuts") !== "off";
  shortcutToggle.addEventListener("change", () =>
    localStorage.setItem("kcc-shortcuts", shortcutToggle.checked ? "on" : "off"),
  );
}

document.addEventListener("keydown", (event) => {
  if (dialog.open || event.defaultPrevented) return;
  const target = event.target;
  const typing =
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target?.isContentEditable;
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && shortcutsEnabled()) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === "Escape" && target !== input) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

layout.dataset.consoleView = "results";
input.focus();
