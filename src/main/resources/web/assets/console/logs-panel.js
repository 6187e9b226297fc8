// The dashboard's game-log panel (docs/LOGS.md): ingest jobs (running first) with their rates and bad lines, from
// GET /logs/jobs (admins and ingest accounts; others see why not), and the event types of the last 30 days from
// GET /analytics/modes (any signed-in account). Polled every 2 s while the dashboard runs. A running job's rates
// are measured between two polls (what it does now); a finished job's are its average.
import { el, fmt, problemText } from './ui.js';

const POLL_MS = 2000;
const TYPES_EVERY = 5; // polls: the 30-day sums change slowly
const DAY_MS = 86_400_000;
const $ = (id) => document.getElementById(id);

export function logsPanel(arena) {
  const seen = new Map(); // job id -> { bytes, events, at } of the previous poll
  let timer = null;
  let polls = 0;

  async function jobs() {
    let list;
    try {
      list = (await arena.logs.jobs({ limit: 8 })).jobs;
    } catch (e) {
      const why = e.status === 403 ? 'Ingest jobs are shown to admins and ingest accounts.' : problemText(e);
      $('log-jobs').replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'muted', text: why })));
      return;
    }
    const now = performance.now();
    const rows = [...list].sort((a, b) => (b.status === 'running') - (a.status === 'running'));
    $('log-running').textContent = fmt(rows.filter((j) => j.status === 'running').length);
    $('log-jobs').replaceChildren(...(rows.length ? rows.map((j) => jobRow(j, rate(j, now)))
      : [el('tr', {}, el('td', { colspan: 7, class: 'muted', text: 'No log ingests yet.' }))]));
    for (const j of rows) seen.set(j.job_id, { bytes: j.bytes, events: j.events, at: now });
  }

  /** Bytes and events per second: since the last poll for a running job, over its whole time otherwise. */
  function rate(j, now) {
    const before = seen.get(j.job_id);
    if (j.status === 'running' && before && now > before.at && j.bytes >= before.bytes) {
      const s = (now - before.at) / 1000;
      return { bytes: (j.bytes - before.bytes) / s, events: (j.events - before.events) / s };
    }
    return j.seconds > 0 ? { bytes: j.bytes / j.seconds, events: j.events / j.seconds } : { bytes: 0, events: 0 };
  }

  function jobRow(j, r) {
    const kind = { running: 'live', interrupted: 'warn', failed: 'warn' }[j.status] || '';
    const mb = fmt(j.bytes / 1e6, 1);
    const progress = j.total_bytes
      ? `${mb} / ${fmt(j.total_bytes / 1e6, 1)} MB (${fmt((100 * j.bytes) / j.total_bytes, 0)} %)` : `${mb} MB`;
    return el('tr', { 'data-testid': `log-job-${j.status}` },
      el('td', {}, el('span', { class: 'mono', text: j.job_id.slice(0, 8) }), el('br'),
        el('small', { class: 'muted', text: j.source || '' })),
      el('td', {}, el('span', { class: `badge ${kind}`, text: j.status })),
      el('td', { text: progress }),
      el('td', { class: 'num', 'data-testid': 'log-mbps', text: fmt(r.bytes / 1e6, 1) }),
      el('td', { class: 'num', 'data-testid': 'log-eps', text: fmt(r.events, 0) }),
      el('td', { class: 'num', text: fmt(j.events) }),
      el('td', { class: `num ${j.bad_lines ? 'down' : 'muted'}`, 'data-testid': 'log-bad', text: fmt(j.bad_lines) }));
  }

  async function types() {
    const to = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
    const from = new Date(to.getTime() - 30 * DAY_MS);
    let answer;
    try {
      answer = await arena.analytics.modes({ from: from.toISOString(), to: to.toISOString(), bucket: 'day' });
    } catch (e) {
      $('log-types').replaceChildren(el('tr', {}, el('td', { colspan: 3, class: 'muted', text: problemText(e) })));
      return;
    }
    const sums = new Map();
    for (const row of answer.rows) {
      const t = sums.get(row.type) || { events: 0, value: 0 };
      t.events += row.events;
      t.value += row.value_sum;
      sums.set(row.type, t);
    }
    const top = [...sums.entries()].sort((a, b) => b[1].events - a[1].events || a[0].localeCompare(b[0])).slice(0, 8);
    const max = top.length ? top[0][1].events : 1;
    $('log-types').replaceChildren(...(top.length ? top.map(([type, t]) => el('tr', { 'data-testid': `log-type-${type}` },
      el('td', { class: 'mono', text: type }),
      el('td', { class: 'bar-cell' }, bar((100 * t.events) / max), el('span', { class: 'bar-label', text: fmt(t.events) })),
      el('td', { class: 'num', text: fmt(t.value, 0) })))
      : [el('tr', {}, el('td', { colspan: 3, class: 'muted', text: 'No events in the last 30 days.' }))]));
  }

  /** Through the CSSOM: the page's Content-Security-Policy refuses style attributes in markup. */
  function bar(percent) {
    const b = el('span', { class: 'bar' });
    b.style.width = `${Math.max(2, percent)}%`;
    return b;
  }

  async function poll() {
    await jobs();
    if (polls++ % TYPES_EVERY === 0) await types();
  }

  return {
    start() {
      if (timer) return;
      poll();
      timer = setInterval(poll, POLL_MS);
    },
    stop() {
      clearInterval(timer);
      timer = null;
      polls = 0;
    },
  };
}
