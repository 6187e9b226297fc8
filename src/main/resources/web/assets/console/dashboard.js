// The live dashboard: an hour of history first (so the charts are full), then one merged cluster sample a second
// from the SDK's stream, applied in seq order; player statistics every 30 s. State lives in `series` and `last`;
// render() draws from them. Charts are uPlot (loaded as a classic script: window.uPlot).
import { Arena } from '/sdk/arena.js';
import { el, fmt, count, duration, problemText } from './ui.js';
import { logsPanel } from './logs-panel.js';

const arena = new Arena({ storage: 'session' });
const HOUR = 3600;
const $ = (id) => document.getElementById(id);
const COLORS = ['#f5a524', '#4cc9f0', '#8ac926', '#ff595e', '#c77dff', '#ffca3a'];

/** One panel: a number and a chart. `value` is the big number; `lines` are the chart's series. */
const PANELS = [
  { id: 'ccu', title: 'Connected sessions (CCU)', value: (s) => s.realtime.sockets,
    lines: [['sockets', (s) => s.realtime.sockets]] },
  { id: 'messages', title: 'Messages per second', value: (s) => s.realtime.messages_in_per_second, unit: 'in',
    lines: [['in', (s) => s.realtime.messages_in_per_second], ['out', (s) => s.realtime.messages_out_per_second]] },
  { id: 'delivery', title: 'Delivery latency', value: (s) => s.realtime.delivery_p99_ms, unit: 'ms p99', digits: 1,
    lines: [['p50 ms', (s) => s.realtime.delivery_p50_ms], ['p99 ms', (s) => s.realtime.delivery_p99_ms]] },
  // how late the event loops ran a check due every 10 ms: a held or starved loop (absent from an older node)
  { id: 'loop', title: 'Event-loop delay', value: (s) => s.realtime.loop_delay_p99_ms, unit: 'ms p99', digits: 1,
    sub: (s) => `longest ${fmt(s.realtime.loop_delay_max_ms, 1)} ms`,
    lines: [['p99 ms', (s) => s.realtime.loop_delay_p99_ms ?? null],
      ['max ms', (s) => s.realtime.loop_delay_max_ms ?? null]] },
  { id: 'matches', title: 'Matches running', value: (s) => running(s), sub: (s) => byMode(s),
    lines: [['running', (s) => running(s)], ['waiting', (s) => s.matches.waiting]] },
  { id: 'started', title: 'Matches started / ended per minute', value: (s) => s.matches.started_per_minute,
    unit: 'started', lines: [['started', (s) => s.matches.started_per_minute],
      ['ended', (s) => s.matches.ended_per_minute]] },
  { id: 'tick', title: 'Tick duration', value: (s) => s.matches.tick_p99_ms, unit: 'ms p99', digits: 2,
    lines: [['tick p99 ms', (s) => s.matches.tick_p99_ms]] },
  // input received by its match -> the state that includes it sent; a sample from an older node has no such field
  { id: 'input', title: 'Input-to-state latency', value: (s) => s.matches.input_p99_ms, unit: 'ms p99', digits: 1,
    sub: (s) => `p50 ${fmt(s.matches.input_p50_ms, 1)} ms`,
    lines: [['p50 ms', (s) => s.matches.input_p50_ms ?? null], ['p99 ms', (s) => s.matches.input_p99_ms ?? null]] },
  { id: 'waiting', title: 'Players in matchmaking', value: (s) => queued(s),
    lines: [['waiting', (s) => queued(s)]] },
  { id: 'tournaments', title: 'Tournaments running', value: (s) => s.work.tournaments_running,
    link: ['/play', 'Live brackets'], lines: [['running', (s) => s.work.tournaments_running]] },
  { id: 'jobs', title: 'Result jobs waiting', value: (s) => s.work.job_backlog,
    sub: (s) => `${fmt(s.work.job_failures_per_minute, 1)} failures / min`,
    lines: [['backlog', (s) => s.work.job_backlog], ['failures/min', (s) => s.work.job_failures_per_minute]] },
  { id: 'http', title: 'HTTP requests per second', value: (s) => s.http.requests_per_second, digits: 1,
    sub: (s) => `${fmt(s.http.error_rate * 100, 2)} % errors (5xx)`,
    lines: [['req/s', (s) => s.http.requests_per_second], ['5xx %', (s) => s.http.error_rate * 100]] },
  { id: 'db', title: 'Database connections in use', value: (s) => s.http.db_in_use,
    sub: (s) => `${count(s.http.db_waiting, 'request')} waiting`,
    lines: [['in use', (s) => s.http.db_in_use], ['waiting', (s) => s.http.db_waiting]] },
];

function running(s) { return Object.values(s.matches.running_by_mode).reduce((a, b) => a + b, 0); }
function queued(s) { return Object.values(s.queues).reduce((a, q) => a + q.players_waiting, 0); }
function byMode(s) {
  const parts = Object.entries(s.matches.running_by_mode).map(([m, n]) => `${m} ${n}`);
  return parts.length ? parts.join(' · ') : 'none';
}

const state = { x: [], ys: new Map(), last: null, seq: 0, charts: new Map(), stop: null };
const logs = logsPanel(arena);

function panel(p) {
  const chart = el('div', { class: 'chart', 'data-testid': `chart-${p.id}`, 'data-points': '0' });
  return el('article', { class: 'card panel', 'aria-labelledby': `t-${p.id}` },
    el('h3', { id: `t-${p.id}`, text: p.title }),
    el('div', { class: 'stat' }, el('span', { id: `v-${p.id}`, 'data-testid': p.id, text: '–' }),
      p.unit ? el('small', { text: p.unit }) : null),
    el('p', { class: 'muted sub', id: `s-${p.id}` }, p.link ? el('a', { href: p.link[0], text: p.link[1] }) : null),
    chart);
}

/**
 * An x scale (seconds) from the first point to the newest, at least `span` wide. Read from the data itself: around a
 * single point uPlot widens a time scale by 86,400 of its units, which with seconds is a thousand days, so the axis
 * would show month names instead of times.
 */
function atLeast(span) {
  return { time: true, range: (u) => {
    const xs = u.data[0] || [];
    const hi = xs.length ? xs[xs.length - 1] : Date.now() / 1000;
    return [Math.min(xs.length ? xs[0] : hi, hi - span), hi];
  } };
}

function chartFor(p, host) {
  const opts = {
    width: Math.max(200, host.clientWidth), height: 90,
    cursor: { show: false }, legend: { show: false },
    scales: { x: atLeast(60) },
    axes: [{ stroke: '#8b93a7', grid: { show: false }, ticks: { show: false }, size: 22 },
      { stroke: '#8b93a7', grid: { stroke: '#262b36' }, ticks: { show: false }, size: 42 }],
    series: [{}, ...p.lines.map(([label], i) => ({ label, stroke: COLORS[i % COLORS.length], width: 1.5,
      fill: i === 0 ? 'rgba(245,165,36,.08)' : undefined }))],
  };
  return new window.uPlot(opts, [[], ...p.lines.map(() => [])], host);
}

/** Applies one sample: appended to every series (an hour kept), numbers and tables redrawn. */
function apply(s) {
  if (s.seq && state.last && s.at <= state.last.at) return; // an older or repeated second
  state.last = s;
  state.x.push(s.at / 1000);
  for (const p of PANELS) {
    p.lines.forEach(([label, get], i) => {
      const key = `${p.id}/${i}`;
      if (!state.ys.has(key)) state.ys.set(key, []);
      state.ys.get(key).push(get(s));
    });
  }
  if (state.x.length > HOUR) {
    state.x.shift();
    for (const ys of state.ys.values()) ys.shift();
  }
}

function render() {
  const s = state.last;
  if (!s) return;
  $('updated').textContent = `${s.nodes.length} node${s.nodes.length === 1 ? '' : 's'} · updated `
    + new Date(s.at).toLocaleTimeString();
  for (const p of PANELS) {
    const digits = p.digits ?? (Number.isInteger(p.value(s)) ? 0 : 1);
    $(`v-${p.id}`).textContent = fmt(p.value(s), digits);
    if (p.sub) $(`s-${p.id}`).textContent = p.sub(s);
    const c = state.charts.get(p.id);
    if (c) {
      c.setData([state.x, ...p.lines.map((_, i) => state.ys.get(`${p.id}/${i}`))]);
      c.root.parentElement.dataset.points = String(state.x.length);
    }
  }
  const queues = Object.entries(s.queues);
  $('queues').replaceChildren(...(queues.length ? queues.map(([mode, q]) => el('tr', {},
    el('td', { text: mode }), el('td', { text: fmt(q.players_waiting) }), el('td', { text: `${fmt(q.wait_p50_seconds, 1)} s` }),
    el('td', { text: `${fmt(q.wait_p95_seconds, 1)} s` }), el('td', { text: fmt(q.spread_p50, 0) }),
    el('td', { text: fmt(q.formed_per_minute, 1) })))
    : [el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'No matchmaking queues configured.' }))]));
  $('nodes').replaceChildren(...s.nodes.map((n) => el('tr', {},
    el('td', { class: 'mono', text: n.id }), el('td', { text: n.version }), el('td', { text: duration(n.uptime_seconds) }),
    el('td', { text: fmt(n.sockets) }), el('td', { text: fmt(n.rooms) }), el('td', { text: fmt(n.matches) }),
    el('td', { text: `${fmt(n.heap_used_mb)} / ${fmt(n.heap_max_mb)} MB` }),
    el('td', { text: n.leases.length ? n.leases.join(', ') : '–' }))));
}

let gamesChart = null;
async function players() {
  let st;
  try {
    st = await arena.metrics.players();
  } catch (e) {
    $('players').replaceChildren(el('p', { class: 'notice error', text: problemText(e) }));
    return;
  }
  const number = (id, title, v) => el('article', { class: 'card panel small' }, el('h3', { text: title }),
    el('div', { class: 'stat' }, el('span', { 'data-testid': id, text: fmt(v) })));
  const hours = [...new Set(st.games_per_hour.map((g) => g.hour))].sort();
  const modes = Object.keys(st.top_players);
  const host = el('div', { class: 'chart', 'data-testid': 'chart-games' });
  $('players').replaceChildren(number('dau', 'Active today (DAU)', st.active_today),
    number('active7', 'Active in 7 days', st.active_last7_days), number('new-today', 'New today', st.new_today),
    number('new7', 'New in 7 days', st.new_last7_days),
    el('article', { class: 'card panel wide' }, el('h3', { text: 'Games per mode per hour (24 h)' }),
      hours.length ? host : el('p', { class: 'muted', text: 'No games finished in the last 24 hours.' })));
  if (hours.length) {
    const series = modes.map((m) => hours.map((h) => (st.games_per_hour.find((g) => g.hour === h && g.mode === m)
      || { games: 0 }).games));
    gamesChart = new window.uPlot({ width: Math.max(300, host.clientWidth), height: 120, cursor: { show: false },
      legend: { show: true }, scales: { x: atLeast(24 * 3600) },
      axes: [{ stroke: '#8b93a7', grid: { show: false } }, { stroke: '#8b93a7', grid: { stroke: '#262b36' } }],
      series: [{}, ...modes.map((m, i) => ({ label: m, stroke: COLORS[i % COLORS.length], width: 1.5 }))] },
    [hours.map((h) => Date.parse(h) / 1000), ...series], host);
  }
  $('top').replaceChildren(...modes.map((mode) => el('div', { class: 'card' },
    el('h3', { text: `Top players · ${mode}` }),
    st.top_players[mode].length ? el('table', { 'data-testid': `top-${mode}` },
      el('thead', {}, el('tr', {}, ['#', 'Player', 'Rating', 'Games', '24 h'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, st.top_players[mode].map((t, i) => el('tr', {}, el('td', { text: i + 1 }),
        el('td', { text: t.display_name }), el('td', { text: fmt(t.rating) }), el('td', { text: fmt(t.games) }),
        el('td', { class: t.change24h > 0 ? 'up' : t.change24h < 0 ? 'down' : 'muted',
          text: `${t.change24h > 0 ? '+' : ''}${fmt(t.change24h, 0)}` })))))
      : el('p', { class: 'muted', text: 'No rated games yet.' }))));
}

function feedState(text, kind) {
  const b = $('feed-state');
  b.textContent = text;
  b.className = `badge ${kind || ''}`;
}

function showSignIn(message) {
  if (state.stop) state.stop();
  state.stop = null;
  logs.stop();
  $('panels').classList.add('hidden');
  $('sign-out').classList.add('hidden');
  $('sign-in').classList.remove('hidden');
  if (message) $('sign-in-why').textContent = message;
  feedState('signed out');
}

async function start() {
  let history;
  try {
    history = await arena.metrics.history();
  } catch (e) {
    if (e.status === 401) return showSignIn(arena.session ? 'Your session has ended: sign in again.' : null);
    feedState('server unreachable', 'warn');
    $('updated').textContent = problemText(e);
    setTimeout(start, 3000);
    return;
  }
  $('sign-in').classList.add('hidden');
  $('panels').classList.remove('hidden');
  $('sign-out').classList.toggle('hidden', !arena.session);
  if (!state.charts.size) {
    $('live').replaceChildren(...PANELS.map(panel));
    for (const p of PANELS) state.charts.set(p.id, chartFor(p, document.querySelector(`[data-testid="chart-${p.id}"]`)));
  }
  history.samples.forEach(apply);
  render();
  players();
  logs.start();
  state.stop = arena.metrics.stream((s) => { apply(s); render(); }, (st, err) => {
    if (st === 'live') feedState('live', 'live');
    else if (st === 'reconnecting') feedState('reconnecting…', 'warn');
    else showSignIn(err && err.status === 401 ? 'Your session has ended: sign in again.' : problemText(err));
  });
}

$('sign-in').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const err = $('sign-in-error');
  err.classList.add('hidden');
  try {
    await arena.auth.login($('si-user').value, $('si-pass').value);
    start();
  } catch (e) {
    err.textContent = e.status === 401 ? 'Wrong username or password.' : problemText(e);
    err.classList.remove('hidden');
  }
});
$('sign-out').addEventListener('click', () => arena.auth.logout().catch(() => {}).finally(() => showSignIn(
  'Signed out.')));
arena.onSession((s) => { if (!s && state.stop) showSignIn('Your session has ended: sign in again.'); });
setInterval(() => { if (state.stop) players(); }, 30000);
window.addEventListener('resize', () => {
  for (const c of state.charts.values()) c.setSize({ width: Math.max(200, c.root.parentElement.clientWidth), height: 90 });
});
start();
