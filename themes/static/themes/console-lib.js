// Pure helpers of the KCC console (no DOM): formatting, the facts at a glance, and the
// plain-text summary for the citizen. Kept separate so they are easy to read and test.

export const CHANNEL_LABELS = {
  ONLINE: "Online",
  PHONE: "Telefoon",
  COUNTER: "Balie",
  POST: "Post",
  EMAIL: "E-mail",
  HOME_VISIT: "Huisbezoek",
};

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// A search snippet may only mark words: everything is escaped, then <mark> comes back.
export function safeHighlight(html) {
  return escapeHtml(html).replace(
    /&lt;(\/?)(mark|em|b|strong)&gt;/gi,
    (_, slash) => `<${slash}mark>`,
  );
}

function toDate(value) {
  if (value instanceof Date) return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (match) return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(value);
}

export function formatDateNl(value) {
  return new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(toDate(value));
}

function formatTimeNl(date) {
  return new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit" }).format(date);
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// When the interval that is open now closes ("17:00"), from the week's opening hours.
function closingTime(hours, now) {
  const day = (hours.week || []).find((d) => d.date === isoDate(now));
  const time = now.toTimeString().slice(0, 8);
  const current = (day?.intervals || []).find((i) => i.opens <= time && time < i.closes);
  return current ? current.closes.slice(0, 5) : null;
}

// "Nu open (tot 17:00)" or "Gesloten · opent om 08:30" / "opent morgen om …" / "opent maandag …".
export function openingText(hours, now = new Date()) {
  if (!hours) return { open: false, text: "Openingstijden onbekend" };
  if (hours.isOpenNow) {
    const closes = closingTime(hours, now);
    return { open: true, text: closes ? `Nu open (tot ${closes})` : "Nu open" };
  }
  if (!hours.nextOpening) return { open: false, text: "Gesloten" };
  const next = new Date(hours.nextOpening);
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  let when;
  if (sameDay(next, now)) when = `opent om ${formatTimeNl(next)}`;
  else if (sameDay(next, tomorrow)) when = `opent morgen om ${formatTimeNl(next)}`;
  else when = `opent ${formatDateNl(next)} om ${formatTimeNl(next)}`;
  return { open: false, text: `Nu gesloten · ${when}` };
}

function offered(channel) {
  return channel.availability !== "NOT_OFFERED";
}

export function onlineChannel(product) {
  return (product.channels || []).find((c) => c.kind === "ONLINE" && offered(c) && c.url) || null;
}

function appointmentChannel(product) {
  return (
    (product.channels || []).find(
      (c) => offered(c) && c.availability === "APPOINTMENT" && c.appointmentUrl,
    ) || null
  );
}

// How the citizen can get it: "Online · Op afspraak (balie)" in steering order.
export function howToObtain(product) {
  const parts = [];
  for (const channel of product.channels || []) {
    if (!offered(channel)) continue;
    let label;
    if (channel.kind === "ONLINE") label = "Online";
    else if (channel.availability === "APPOINTMENT")
      label = `Op afspraak (${(CHANNEL_LABELS[channel.kind] || channel.kind).toLowerCase()})`;
    else if (channel.kind === "COUNTER") label = "Aan de balie";
    else label = CHANNEL_LABELS[channel.kind] || channel.kind;
    if (!parts.includes(label)) parts.push(label);
  }
  return parts.join(" · ");
}

export function feeText(product) {
  const fees = product.fees || [];
  if (!fees.length) return "";
  const amounts = [...new Set(fees.map((f) => f.formatted))];
  if (amounts.length === 1) return amounts[0];
  const shown = amounts.slice(0, 2).join(" of ");
  return amounts.length > 2 ? `${shown} of … (${fees.length} tarieven)` : shown;
}

export function glanceFacts(product) {
  const facts = [];
  const fee = feeText(product);
  if (fee) facts.push({ label: "Kosten", value: fee });
  if (product.leadTime?.formatted) facts.push({ label: "Klaar", value: product.leadTime.formatted });
  const how = howToObtain(product);
  if (how) facts.push({ label: "Regelen", value: how });
  return facts;
}

function documentName(doc) {
  if (typeof doc === "string") return doc;
  const name = doc.name || doc.title || "";
  return doc.note ? `${name} (${doc.note})` : name;
}

// The plain-text message for an e-mail or SMS: facts, link, what to bring, appointment link.
export function composeSummary(entry, municipality, now = new Date()) {
  const lines = [entry.title, ""];
  if (entry.summary) lines.push(entry.summary, "");
  const isProduct = "channels" in entry || "fees" in entry;
  if (isProduct) {
    const online = onlineChannel(entry);
    if (online) lines.push(`Regel het online: ${online.url}`);
    const appointment = appointmentChannel(entry);
    if (appointment) {
      const minutes = appointment.appointmentMinutes ? ` (${appointment.appointmentMinutes} minuten)` : "";
      lines.push(`Afspraak maken${minutes}: ${appointment.appointmentUrl}`);
    }
    const fees = entry.fees || [];
    if (fees.length) {
      lines.push(
        fees.length === 1
          ? `Kosten: ${fees[0].formatted}`
          : `Kosten:\n${fees.map((f) => `- ${f.label}: ${f.formatted}`).join("\n")}`,
      );
    }
    if (entry.leadTime?.formatted) {
      const ready =
        entry.leadTime.readyBy && entry.leadTime.unit !== "IMMEDIATE"
        ? ` (aangevraagd op ${formatDateNl(now)}: klaar op ${formatDateNl(entry.leadTime.readyBy)})`
        : "";
      lines.push(`Doorlooptijd: ${entry.leadTime.formatted}${ready}`);
    }
    const docs = (entry.requiredDocuments || []).map(documentName).filter(Boolean);
    if (docs.length) lines.push(`Neem mee:\n${docs.map((d) => `- ${d}`).join("\n")}`);
  } else if (entry.plain) {
    lines.push(entry.plain);
  }
  if (entry.url) lines.push("", `Meer informatie: ${entry.url}`);
  if (municipality) lines.push("", municipality);
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// The inline completion for what was typed, from `suggest` (titles first, then phrases by how
// many pages have them; suggest only returns phrases that find something). A word still being
// typed is completed to the commonest word ("rijbew" -> "rijbewijs"); a finished word is
// never turned into a longer one ("boom" stays, not "boomdeskundige"): only a page title that
// starts with the typed text may follow it. Returns "" when nothing fits.
export function chooseCompletion(typed, suggestions) {
  const lower = typed.toLowerCase();
  const continuing = suggestions.filter(
    (s) => s.text && s.text.length > typed.length && s.text.toLowerCase().startsWith(lower),
  );
  const finished =
    /\s$/.test(typed) || suggestions.some((s) => s.text?.toLowerCase() === lower.trim());
  const word = finished ? null : continuing.find((s) => s.kind !== "title");
  const title = continuing.find((s) => s.kind === "title");
  return (word || title)?.text || "";
}
