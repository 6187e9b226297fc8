// connect_four: the board as plain data (built from a snapshot, advanced by the match's events) and its view.
import { html } from '/vendor/preact/standalone.module.js';

export const COLS = 7;
export const ROWS = 6;

/** The model from a match snapshot's `state` (rows top first, '.' empty), or an empty board for a replay. */
export function c4Model(state, players) {
  const rows = state && Array.isArray(state.rows) ? state.rows.slice() : Array(ROWS).fill('.'.repeat(COLS));
  return {
    rows,
    players: (state && state.players) || players || [],
    toMove: state ? state.to_move || null : null,
    deadlineTick: state ? state.deadline_tick || 0 : 0,
    winner: state ? state.winner || null : null,
    reason: state ? state.reason || null : null,
    last: null,
    line: [],
  };
}

/** One event applied; events carry absolute values so applying one twice is harmless. */
export function c4Apply(m, ev) {
  switch (ev.type) {
    case 'disc': {
      const r = ROWS - 1 - ev.row; // events count rows from the bottom, snapshots list them from the top
      const rows = m.rows.slice();
      rows[r] = rows[r].slice(0, ev.column) + ev.disc + rows[r].slice(ev.column + 1);
      return { ...m, rows, last: { row: r, col: ev.column } };
    }
    case 'turn':
      return { ...m, toMove: ev.player, deadlineTick: ev.deadline_tick || 0 };
    case 'game_over': {
      const next = { ...m, winner: ev.winner || null, reason: ev.reason, toMove: null };
      return { ...next, line: ev.winner ? winningLine(next.rows) : [] };
    }
    case 'player_joined':
      return m.players.includes(ev.player) ? m : { ...m, players: [...m.players, ev.player] };
    default:
      return m;
  }
}

/** The cells of the first four-in-a-row on the board, to highlight it. */
export function winningLine(rows) {
  const at = (r, c) => (r >= 0 && r < ROWS && c >= 0 && c < COLS ? rows[r][c] : '.');
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const d = at(r, c);
      if (d === '.') continue;
      for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]]) {
        const cells = [0, 1, 2, 3].map(k => [r + dr * k, c + dc * k]);
        if (cells.every(([rr, cc]) => at(rr, cc) === d)) return cells.map(([rr, cc]) => `${rr}:${cc}`);
      }
    }
  }
  return [];
}

export function discOf(m, player) {
  const i = m.players.indexOf(player);
  return i === 0 ? 'R' : i === 1 ? 'Y' : null;
}

/** The board; `onDrop(column)` when the viewer may play (else null: spectators, replays, not your turn). */
export function Board({ model, onDrop, myDisc }) {
  const line = new Set(model.line);
  const columns = [];
  for (let c = 0; c < COLS; c++) {
    const cells = [];
    for (let r = 0; r < ROWS; r++) {
      const d = model.rows[r][c];
      const cls = ['cell', d === 'R' ? 'red' : d === 'Y' ? 'yellow' : 'empty'];
      if (model.last && model.last.row === r && model.last.col === c) cls.push('last');
      if (line.has(`${r}:${c}`)) cls.push('win');
      cells.push(html`<span class=${cls.join(' ')}></span>`);
    }
    const full = model.rows[0][c] !== '.';
    columns.push(html`<button class=${'c4-col' + (myDisc ? ' mine-' + myDisc : '')} data-testid=${'c4-col-' + c}
        aria-label=${'Drop a disc in column ' + (c + 1)} disabled=${!onDrop || full}
        onClick=${() => onDrop && onDrop(c)}>${cells}</button>`);
  }
  return html`<div class="c4-board" role="group" aria-label="Connect Four board">${columns}</div>`;
}
