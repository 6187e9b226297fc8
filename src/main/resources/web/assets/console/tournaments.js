// The console's tournaments: the list (start, cancel, a link to the live bracket), a create form and a result
// correction form. Both forms go through the tournament API (POST /tournaments, POST .../pairings/{id}/result) and
// show the server's problem fields next to their inputs; the server decides who may (any account may organise a
// tournament; its organiser or an admin corrects a result, and the correction is recorded with its reason). What a
// console account does here (create, start, cancel, a result) is also in the audit log, with the reason given.
import { html, useState, useEffect } from '/vendor/preact/standalone.module.js';
import { problemText } from './ui.js';
import { arena, useAction, fieldErrors, FieldError, Reason } from './admin-kit.js';

const FORMATS = [['single_elimination', 'Single elimination'], ['double_elimination', 'Double elimination'],
  ['round_robin', 'Round robin'], ['swiss', 'Swiss']];

/** Statuses before the start: the tournament may still be started. */
const OPEN = ['registering', 'checking_in'];

export function Tournaments() {
  const [list, setList] = useState(null);
  const [correcting, setCorrecting] = useState(null);
  const [reason, setReason] = useState('');
  const [run, result] = useAction();
  const why = () => ({ reason: reason || undefined });
  const load = () => arena.tournaments.list().then((r) => setList(r.tournaments))
    .catch((e) => setList({ error: problemText(e) }));
  useEffect(() => { load(); }, []);
  const items = Array.isArray(list) ? list : [];
  return html`<section aria-labelledby="h-tournaments"><h2 id="h-tournaments">Tournaments</h2>
    <${CreateTournament} onCreated=${load} />
    ${result}${list && list.error && html`<p class="notice error">${list.error}</p>`}
    <div class="card"><${Reason} value=${reason} onInput=${setReason} /><table data-testid="tournaments"><thead><tr><th scope="col">Name</th><th scope="col">Mode</th>
      <th scope="col">Format</th><th scope="col">Players</th><th scope="col">Status</th><th scope="col"></th></tr></thead>
      <tbody>${items.map((t) => html`<tr data-testid="tournament-row">
        <td><a href=${`/play#/tournament/${t.tournament_id}`} title="the live bracket">${t.name}</a></td>
        <td>${t.mode}</td><td>${t.format}</td><td>${t.max_players}</td><td data-testid="tournament-status">${t.status}</td>
        <td class="row-actions">
          ${OPEN.includes(t.status) && html`<button type="button"
            data-testid="tournament-start" onClick=${() => run('Start', () => arena.tournaments.start(t.tournament_id, why()), load)}>Start</button>`}
          ${t.status === 'running' && html`<button type="button" data-testid="correct-open"
            onClick=${() => setCorrecting(t)}>Correct a result</button>`}
          ${(OPEN.includes(t.status) || t.status === 'running') && html`<button type="button" class="danger"
            data-testid="tournament-cancel"
            onClick=${() => run('Cancel', () => arena.tournaments.cancel(t.tournament_id, why()), load)}>Cancel</button>`}</td></tr>`)}
      ${!items.length && html`<tr><td colspan="6" class="muted">No tournaments.</td></tr>`}</tbody></table></div>
    ${correcting && html`<${CorrectResult} t=${correcting} key=${correcting.tournament_id} onClose=${() => setCorrecting(null)} />`}
  </section>`;
}

/** The next full hour, as a datetime-local input's value (local time). */
function nextHour() {
  const d = new Date(Date.now() + 3600_000);
  d.setMinutes(0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/** Every field as text or a checkbox; only what was filled in is sent, so the server's defaults apply. */
function CreateTournament({ onCreated }) {
  const empty = { name: '', mode: 'connect_four', format: 'single_elimination', max_players: '8', best_of: '1',
    rounds: '', starts_at: nextHour(), check_in_minutes: '', third_place_match: false, reason: '' };
  const [f, setF] = useState(empty);
  const [errors, setErrors] = useState(null);
  const [done, setDone] = useState(null);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const number = (v) => (v === '' ? undefined : Number(v));
  const submit = async (e) => {
    e.preventDefault();
    setErrors(null);
    setDone(null);
    try {
      const t = await arena.tournaments.create({ name: f.name, mode: f.mode, format: f.format,
        maxPlayers: number(f.max_players), bestOf: number(f.best_of), rounds: number(f.rounds),
        startsAt: f.starts_at ? new Date(f.starts_at).toISOString() : undefined,
        checkInMinutes: number(f.check_in_minutes), thirdPlaceMatch: f.third_place_match || undefined,
        reason: f.reason || undefined });
      setDone(`Created "${t.name}".`);
      setF(empty);
      onCreated();
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  const field = (k, label, input) => html`<div class="field"><label for=${`tc-${k}`}>${label}</label>${input}
    <${FieldError} errors=${errors} field=${k} /></div>`;
  return html`<form class="card form-grid" data-testid="tournament-create" onSubmit=${submit}
      aria-label="Create a tournament" novalidate>
    <h3>Create a tournament</h3>
    ${field('name', 'Name', html`<input id="tc-name" data-testid="tc-name" value=${f.name} onInput=${set('name')} />`)}
    ${field('mode', 'Game mode', html`<input id="tc-mode" data-testid="tc-mode" value=${f.mode} onInput=${set('mode')} />`)}
    ${field('format', 'Format', html`<select id="tc-format" data-testid="tc-format" value=${f.format} onChange=${set('format')}>
      ${FORMATS.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select>`)}
    ${field('max_players', 'Players (most)', html`<input id="tc-max_players" data-testid="tc-max_players" type="number"
      value=${f.max_players} onInput=${set('max_players')} />`)}
    ${field('best_of', 'Best of', html`<input id="tc-best_of" data-testid="tc-best_of" type="number" value=${f.best_of}
      onInput=${set('best_of')} />`)}
    ${field('rounds', 'Rounds (swiss)', html`<input id="tc-rounds" data-testid="tc-rounds" type="number" value=${f.rounds}
      onInput=${set('rounds')} />`)}
    ${field('starts_at', 'Starts at (your time)', html`<input id="tc-starts_at" data-testid="tc-starts_at" type="datetime-local" value=${f.starts_at}
      onInput=${set('starts_at')} />`)}
    ${field('check_in_minutes', 'Check-in minutes (0: none)', html`<input id="tc-check_in_minutes" type="number"
      value=${f.check_in_minutes} onInput=${set('check_in_minutes')} />`)}
    ${field('third_place_match', 'Third-place match', html`<input id="tc-third_place_match" type="checkbox"
      checked=${f.third_place_match} onChange=${set('third_place_match')} />`)}
    <div class="field wide"><label for="tc-reason">Reason (written to the audit log)</label><input id="tc-reason"
      data-testid="tc-reason" value=${f.reason} onInput=${set('reason')} maxlength="500" />
      <${FieldError} errors=${errors} field="reason" /></div>
    <div class="form-end">
      ${errors && html`<p class="notice error" role="alert" data-testid="tc-error">${errors.general}</p>`}
      ${done && html`<p class="notice ok" role="status" data-testid="tc-done">${done}</p>`}
      <button type="submit" class="primary" data-testid="tc-submit">Create</button></div>
  </form>`;
}

/** A decided pairing's result, set again: game counts or a walkover, and the reason (kept with the correction). */
function CorrectResult({ t, onClose }) {
  const [pairings, setPairings] = useState(null);
  const [f, setF] = useState({ pairing: '', kind: 'series', home_wins: '', away_wins: '', draws: '0',
    walkover: 'away', reason: '' });
  const [errors, setErrors] = useState(null);
  const [done, setDone] = useState(null);
  // the decided pairings, again after a correction (its score changes, and later pairings may be reset)
  const load = () => arena.tournaments.bracket(t.tournament_id).then((b) => {
    const all = (b.rounds || []).flatMap((r) => r.pairings).filter((p) => p.state === 'decided');
    setPairings(all);
    setF((old) => ({ ...old, pairing: all.some((p) => p.pairing_id === old.pairing) ? old.pairing
      : (all.length ? all[0].pairing_id : '') }));
  }).catch((e) => setPairings({ error: problemText(e) }));
  useEffect(() => { load(); }, [t.tournament_id]);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const number = (v) => (v === '' ? undefined : Number(v));
  const submit = async (e) => {
    e.preventDefault();
    setErrors(null);
    setDone(null);
    const body = f.kind === 'walkover' ? { walkover: f.walkover }
      : { homeWins: number(f.home_wins), awayWins: number(f.away_wins), draws: number(f.draws) };
    try {
      await arena.tournaments.setResult(t.tournament_id, f.pairing || '-', { ...body, reason: f.reason || undefined });
      setDone(`Corrected ${f.pairing}.`);
      load();
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  const list = Array.isArray(pairings) ? pairings : [];
  return html`<form class="card detail form-grid" data-testid="tournament-correct" onSubmit=${submit}
      aria-label="Correct a result" novalidate>
    <h3>Correct a result · ${t.name}</h3>
    ${pairings && pairings.error && html`<p class="notice error">${pairings.error}</p>`}
    ${pairings && !pairings.error && !list.length && html`<p class="muted" data-testid="no-decided">No decided
      pairing yet: a result can be corrected once it is decided.</p>`}
    <div class="field"><label for="cr-pairing">Pairing</label>
      <select id="cr-pairing" data-testid="cr-pairing" value=${f.pairing} onChange=${set('pairing')}>
        ${list.map((p) => html`<option value=${p.pairing_id}>${p.pairing_id} (${p.scores.join('–')}${p.walkover ? `, walkover ${p.walkover}` : ''})</option>`)}
      </select><${FieldError} errors=${errors} field="pairing_id" /></div>
    <div class="field"><label for="cr-kind">Result</label>
      <select id="cr-kind" data-testid="cr-kind" value=${f.kind} onChange=${set('kind')}>
        <option value="series">Game counts</option><option value="walkover">Walkover</option></select></div>
    ${f.kind === 'series' ? html`
      <div class="field"><label for="cr-home">Home wins</label><input id="cr-home" data-testid="cr-home_wins" type="number"
        value=${f.home_wins} onInput=${set('home_wins')} /><${FieldError} errors=${errors} field="home_wins" /></div>
      <div class="field"><label for="cr-away">Away wins</label><input id="cr-away" data-testid="cr-away_wins" type="number"
        value=${f.away_wins} onInput=${set('away_wins')} /><${FieldError} errors=${errors} field="away_wins" /></div>
      <div class="field"><label for="cr-draws">Draws</label><input id="cr-draws" type="number" value=${f.draws}
        onInput=${set('draws')} /><${FieldError} errors=${errors} field="draws" /></div>` : html`
      <div class="field"><label for="cr-walkover">No-show side</label><select id="cr-walkover" value=${f.walkover}
        onChange=${set('walkover')}><option value="home">home</option><option value="away">away</option></select>
        <${FieldError} errors=${errors} field="walkover" /></div>`}
    <div class="field wide"><label for="cr-reason">Reason (kept with the correction and in the audit log)</label><input id="cr-reason"
      data-testid="cr-reason" value=${f.reason} onInput=${set('reason')} maxlength="500" />
      <${FieldError} errors=${errors} field="reason" /></div>
    <div class="form-end">
      ${errors && html`<p class="notice error" role="alert" data-testid="cr-error">${errors.general}</p>`}
      ${done && html`<p class="notice ok" role="status" data-testid="cr-done">${done}</p>`}
      <button type="button" onClick=${onClose}>Close</button>
      <button type="submit" class="primary" data-testid="cr-submit">Save correction</button></div>
  </form>`;
}
