// What every admin console view shares: the one SDK client (its session is the console's), actions that show their
// outcome in words, server-side paging, the reason field every action needs, and problem fields shown per input.
import { html, useState, useEffect, useCallback } from '/vendor/preact/standalone.module.js';
import { Arena } from '/sdk/arena.js';
import { problemText } from './ui.js';

export const arena = new Arena({ storage: 'session' });
export const when = (t) => (t ? new Date(t).toLocaleString() : '–');

/** Runs an action, then shows its outcome in words next to it. */
export function useAction() {
  const [msg, setMsg] = useState(null);
  const run = useCallback(async (what, fn, after) => {
    setMsg(null);
    try {
      await fn();
      setMsg({ ok: true, text: `${what}: done.` });
      if (after) after();
    } catch (e) {
      setMsg({ ok: false, text: problemText(e) });
    }
  }, []);
  const view = msg && html`<p class=${`notice ${msg.ok ? 'ok' : 'error'}`} role="alert" data-testid="action-result">
    ${msg.text}</p>`;
  return [run, view];
}

/** Loads a list page by page from the server; `load(cursor)` returns {items, next}. */
export function usePaged(load, deps) {
  const [page, setPage] = useState({ items: [], next: null, error: null, cursors: [null] });
  const fetchAt = useCallback(async (cursor, cursors) => {
    try {
      const r = await load(cursor);
      setPage({ items: r.items, next: r.next, error: null, cursors });
    } catch (e) {
      setPage({ items: [], next: null, error: problemText(e), cursors });
    }
  }, deps);
  useEffect(() => { fetchAt(null, [null]); }, [fetchAt]);
  const pager = html`<div class="pager">
    <button type="button" disabled=${page.cursors.length < 2}
      onClick=${() => fetchAt(page.cursors[page.cursors.length - 2], page.cursors.slice(0, -1))}>Previous</button>
    <button type="button" disabled=${!page.next} data-testid="next-page"
      onClick=${() => fetchAt(page.next, [...page.cursors, page.next])}>Next</button></div>`;
  const reload = () => fetchAt(page.cursors[page.cursors.length - 1], page.cursors);
  return [page, pager, reload];
}

export function Reason({ value, onInput }) {
  return html`<label for="reason">Reason (written to the audit log)</label>
    <input id="reason" data-testid="reason" value=${value} onInput=${(e) => onInput(e.target.value)}
      placeholder="why you are doing this" maxlength="500" />`;
}

/**
 * The field errors of a refused request (a 422 problem's `errors`), by field name, so a form can show each next to
 * its input; `general` is the rest of the problem in words.
 */
export function fieldErrors(e) {
  const byField = {};
  const list = (e && e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
  for (const f of list) byField[f.field] = f.message;
  const general = list.length
    ? `Refused by the server: ${list.length === 1 ? 'one field needs' : `${list.length} fields need`} a change (marked beside each).`
    : problemText(e);
  return { byField, general };
}

/** A form field's error line (`data-testid="error-<field>"`), or nothing. */
export function FieldError({ errors, field }) {
  const text = errors && errors.byField[field];
  return text ? html`<p class="field-error" role="alert" data-testid=${`error-${field}`}>${text}</p>` : null;
}
