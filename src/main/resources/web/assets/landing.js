// The landing page: one readiness check, shown in words.
const status = document.getElementById('status');
fetch('/health/ready', { headers: { Accept: 'application/json' } })
  .then(r => {
    status.textContent = r.ok ? 'Server ready: database up.' : 'The server is up but not ready (database unreachable).';
    status.className = r.ok ? 'muted' : 'notice error';
  })
  .catch(() => {
    status.textContent = 'The server does not answer.';
    status.className = 'notice error';
  });
