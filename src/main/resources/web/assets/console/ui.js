// Small DOM helpers shared by the console pages. Text always goes in through textContent: a player named
// "<img src=x onerror=alert(1)>" is shown as those characters, never parsed as markup.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function fmt(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** `1 request`, `0 requests`, `2,048 requests`: singular exactly when the number shown reads 1. */
export function count(n, what) {
  const shown = fmt(n);
  return `${shown} ${what}${shown === '1' ? '' : 's'}`;
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  const h = Math.floor(s / 3600);
  return h < 48 ? `${h}h ${Math.floor((s % 3600) / 60)}m` : `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** What went wrong, in words, from an ArenaError or anything else. */
export function problemText(e) {
  if (!e) return '';
  if (e.status === 403) return `Refused by the server: ${e.detail || 'your role may not do this'}.`;
  if (e.status === 401) return 'Your session has ended: sign in again.';
  return e.detail || e.message || String(e);
}
