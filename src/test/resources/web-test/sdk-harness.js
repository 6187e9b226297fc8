// Evaluated in a page of the node under test (SdkIntegrationTest): loads the served SDK and installs `window.t`,
// small helpers the scenarios share. A function expression, so page.evaluate runs it as is.
async () => {
  const sdk = await import('/sdk/arena.js');
  const sockets = [];
  // the browser's own WebSocket, recorded so a scenario can reach the live socket to provoke the server
  class TrackedWebSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  const waitFor = async (probe, what, ms = 10000) => {
    const end = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > end) throw new Error('timed out waiting for ' + what);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const client = (extra = {}) => new sdk.Arena({ storage: 'memory', WebSocket: TrackedWebSocket, ...extra });
  // an ArenaError (or anything thrown) as a plain object the test can read
  const failure = async (promise) => {
    try {
      await promise;
      return null;
    } catch (e) {
      return { name: e.name, isArenaError: e instanceof sdk.ArenaError, status: e.status, code: e.code,
        title: e.title, detail: e.detail, problem: e.problem, socketCode: e.socketCode, message: e.message };
    }
  };
  window.t = { sdk, sockets, waitFor, client, failure, device: () => 'test-' + crypto.randomUUID() };
  return true;
}
