// Room chat beside a game or the lobby: history on open, live lines, older pages on demand, errors in words.
import { html, useEffect, useRef, useState } from '/vendor/preact/standalone.module.js';
import { listen, remember, words } from './util.js';

/** Splits a line so the filter's masking (runs of '*') is visible as such. */
function masked(text) {
  const parts = String(text).split(/(\*{3,})/);
  return parts.map((p, i) => (i % 2 ? html`<mark class="masked" title="hidden by the chat filter">${p}</mark>` : p));
}

export function Chat({ app, room, title, onJoined }) {
  const { arena, socket, me } = app;
  const [s, setS] = useState({ lines: [], before: null, joined: false, error: null, sendError: null, text: '' });
  const log = useRef(null);
  const patch = p => setS(old => ({ ...old, ...(typeof p === 'function' ? p(old) : p) }));

  useEffect(() => {
    let alive = true;
    const off = listen(socket, 'chat.message', m => {
      if (m.room !== room) return;
      remember(m.from, m.display_name);
      patch(old => (old.lines.some(l => l.id === m.id) ? {} : { lines: [...old.lines, m].slice(-300) }));
    });
    (async () => {
      try {
        const joined = await arena.rooms.join(room);
        if (onJoined) onJoined(joined);
        const h = await arena.chat.history(room, { limit: 50 });
        if (!alive) return;
        (h.messages || []).forEach(m => remember(m.from, m.display_name));
        patch(old => {
          const ids = new Set((h.messages || []).map(m => m.id));
          return { joined: true, before: h.next_before, lines: [...(h.messages || []), ...old.lines.filter(l => !ids.has(l.id))] };
        });
      } catch (e) {
        if (alive) patch({ error: words(e) });
      }
    })();
    return () => {
      alive = false;
      off();
      arena.rooms.leave(room).catch(() => {});
    };
  }, [room, socket]);

  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [s.lines.length]);

  const older = async () => {
    try {
      const h = await arena.chat.history(room, { before: s.before, limit: 50 });
      patch(old => ({ before: h.next_before, lines: [...(h.messages || []), ...old.lines] }));
    } catch (e) {
      patch({ error: words(e) });
    }
  };
  const send = async e => {
    e.preventDefault();
    const text = s.text.trim();
    if (!text) return;
    patch({ text: '', sendError: null });
    try {
      await arena.chat.send(room, text);
    } catch (err) {
      patch({ sendError: words(err), text });
    }
  };

  return html`<section class="chat card" aria-label=${title || 'Chat'}>
    <h3>${title || 'Chat'}</h3>
    ${s.before ? html`<button class="link small" onClick=${older}>Older messages</button>` : null}
    <ol class="chat-log" data-testid="chat-log" ref=${log} aria-live="polite">
      ${s.lines.length === 0 && s.joined ? html`<li class="muted">No messages yet. Say hi!</li>` : null}
      ${s.lines.map(m => html`<li key=${m.id} class=${m.from === me.id ? 'mine' : ''}>
        <span class="who">${m.from === me.id ? 'You' : m.display_name}</span>
        <span class="text">${masked(m.message)}</span></li>`)}
    </ol>
    ${s.error ? html`<p class="field-error" role="alert">${s.error}</p>` : null}
    <form class="chat-form" onSubmit=${send}>
      <input data-testid="chat-input" aria-label="Chat message" placeholder="Message…" maxlength="500"
        value=${s.text} onInput=${e => patch({ text: e.target.value })} />
      <button type="submit">Send</button>
    </form>
    ${s.sendError ? html`<p class="field-error" role="alert" data-testid="chat-error">${s.sendError}</p>` : null}
  </section>`;
}
