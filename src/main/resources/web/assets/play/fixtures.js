// #/fixtures: every bracket renderer on made-up data, to look at them (and screenshot them) without a tournament.
import { html } from '/vendor/preact/standalone.module.js';
import { Bracket } from './bracket.js';

const ids = n => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const NAMES = ['Ada', 'Brahma', 'Cleo', 'Dmitri', 'Eun-ji', 'Farah', 'Gus', 'Hiro'];
const names = Object.fromEntries(ids(8).map((id, i) => [id, NAMES[i]]));

function pairing(id, round, bracket, table, players, scores, winner, state) {
  return { pairing_id: id, round, bracket, table, players, scores: scores || [0, 0], draws: 0, walkover: null,
    game_ids: state === 'ready' ? ['g-' + id] : [], winner: winner || null, state: state || (winner ? 'decided' : 'pending') };
}

export const single = { format: 'single_elimination', version: 7, rounds: [
  { round: 1, bracket: 'winners', pairings: [
    pairing('W1-1', 1, 'winners', 1, ['p1', 'p8'], [1, 0], 'p1'), pairing('W1-2', 1, 'winners', 2, ['p4', 'p5'], [0, 1], 'p5'),
    pairing('W1-3', 1, 'winners', 3, ['p2', 'p7'], [1, 0], 'p2'), pairing('W1-4', 1, 'winners', 4, ['p3', 'p6'], [0, 0], null, 'ready')] },
  { round: 2, bracket: 'winners', pairings: [
    pairing('W2-1', 2, 'winners', 1, ['p1', 'p5'], [0, 0], null, 'ready'), pairing('W2-2', 2, 'winners', 2, ['p2', null])] },
  { round: 3, bracket: 'winners', pairings: [pairing('W3-1', 3, 'winners', 1, [null, null])] }] };

const double = { format: 'double_elimination', version: 3, rounds: [
  { round: 1, bracket: 'winners', pairings: [
    pairing('W1-1', 1, 'winners', 1, ['p1', 'p4'], [1, 0], 'p1'), pairing('W1-2', 1, 'winners', 2, ['p2', 'p3'], [0, 1], 'p3')] },
  { round: 2, bracket: 'winners', pairings: [pairing('W2-1', 2, 'winners', 1, ['p1', 'p3'], [0, 0], null, 'ready')] },
  { round: 1, bracket: 'losers', pairings: [pairing('L1-1', 1, 'losers', 1, ['p4', 'p2'], [1, 0], 'p4')] },
  { round: 2, bracket: 'losers', pairings: [pairing('L2-1', 2, 'losers', 1, ['p4', null])] },
  { round: 1, bracket: 'final', pairings: [pairing('GF1', 1, 'final', 1, [null, null])] },
  { round: 2, bracket: 'final', pairings: [pairing('GF2', 2, 'final', 1, [null, null])] }] };

const rrPlayers = ids(4);
const rr = { format: 'round_robin', version: 5, rounds: [
  { round: 1, bracket: 'winners', pairings: [pairing('R1-1', 1, 'winners', 1, ['p1', 'p4'], [1, 0], 'p1'),
    pairing('R1-2', 1, 'winners', 2, ['p2', 'p3'], [0, 1], 'p3')] },
  { round: 2, bracket: 'winners', pairings: [pairing('R2-1', 2, 'winners', 1, ['p1', 'p3'], [1, 1], null, 'decided'),
    pairing('R2-2', 2, 'winners', 2, ['p4', 'p2'], [0, 0], null, 'ready')] },
  { round: 3, bracket: 'winners', pairings: [pairing('R3-1', 3, 'winners', 1, ['p1', 'p2']),
    pairing('R3-2', 3, 'winners', 2, ['p3', 'p4'])] }] };
const rrStandings = [['p1', 4], ['p3', 4], ['p4', 0], ['p2', 0]].map(([id, pts], i) =>
  ({ place: i + 1, player_id: id, display_name: names[id], points: pts, wins: pts / 3 | 0, draws: pts % 3, losses: 0 }));

const swiss = { format: 'swiss', version: 9, rounds: [
  { round: 1, bracket: 'winners', pairings: [pairing('S1-1', 1, 'winners', 1, ['p1', 'p4'], [1, 0], 'p1'),
    pairing('S1-2', 1, 'winners', 2, ['p2', 'p5'], [1, 0], 'p2'), pairing('S1-3', 1, 'winners', 3, ['p3', 'p6'], [0, 1], 'p6')] },
  { round: 2, bracket: 'winners', pairings: [pairing('S2-1', 2, 'winners', 1, ['p1', 'p2'], [0, 0], null, 'ready'),
    pairing('S2-2', 2, 'winners', 2, ['p6', 'p4']), pairing('S2-3', 2, 'winners', 3, ['p3', 'p5'])] }] };
const swissStandings = ['p1', 'p2', 'p6', 'p3', 'p4', 'p5'].map((id, i) => ({ place: i + 1, player_id: id,
  display_name: names[id], points: i < 3 ? 3 : 0, wins: i < 3 ? 1 : 0, draws: 0, losses: i < 3 ? 0 : 1,
  tiebreaks: { buchholz: 3 - (i % 3), sonneborn_berger: i < 3 ? 1 : 0 } }));

export function Fixtures({ app }) {
  const me = 'p1';
  return html`<main class="wide-main">
    <h1>Bracket renderers</h1><p class="muted">Made-up data; "Ada" plays the part of you.</p>
    <h2>Single elimination</h2><div class="card bracket-card"><${Bracket} data=${single} names=${names} me=${me} /></div>
    <h2>Double elimination</h2><div class="card bracket-card"><${Bracket} data=${double} names=${names} me=${me} /></div>
    <h2>Round robin</h2><div class="card bracket-card"><${Bracket} data=${rr} names=${names} standings=${rrStandings} me=${me} /></div>
    <h2>Swiss</h2><div class="card bracket-card"><${Bracket} data=${swiss} names=${names} standings=${swissStandings} me=${me} /></div>
  </main>`;
}
