// Polls /api/ops/board with the token kept for this tab only, and fills the tables.
(function () {
  const REFRESH_MS = 2000;
  const status = document.getElementById('status');
  let timer = null;

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '–' : String(value);
    row.appendChild(td);
  }

  function fill(tableId, rows) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren(...rows.map(values => {
      const tr = document.createElement('tr');
      values.forEach(value => cell(tr, value));
      return tr;
    }));
  }

  function show(board) {
    document.getElementById('leads-received').textContent = board.leadsReceived;
    document.getElementById('backlog').textContent = board.scheduler.backlog;
    document.getElementById('oldest-overdue').textContent = board.scheduler.oldestOverdueAt
      ? Math.round((Date.parse(board.generatedAt) - Date.parse(board.scheduler.oldestOverdueAt)) / 1000) + ' s' : 'none';
    fill('speed', Object.entries(board.speedToFirstTouch).map(([window, p]) => [window, p.count, p.p50, p.p90, p.p99]));
    fill('per-source', Object.entries(board.leadsPerMinute).map(([source, rate]) => [source, rate.toFixed(1)]));
    fill('touches', board.touchesLastHour.map(t => [t.channel, t.status, t.reason, t.count]));
    const late = board.scheduler.lateness;
    fill('lateness', [[late.count, late.p50, late.p90, late.p99]]);
    const unavailable = document.getElementById('kafka-unavailable');
    unavailable.hidden = !board.kafka.unavailable;
    unavailable.textContent = board.kafka.unavailable || '';
    fill('lag', board.kafka.consumerLag.map(l => [l.group, l.topic, l.lag]));
    fill('dlq', Object.entries(board.kafka.deadLetters));
    fill('reps', board.reps.map(r => [r.name, r.leads, r.medianSpeedToRepAlertMs, r.claimed + ' (' + r.claimedWithinSla + ' in SLA)',
      r.medianTimeToClaimMs, r.medianTimeToFirstOutcomeMs]));
  }

  async function refresh() {
    const token = sessionStorage.getItem('leadflow.opsToken');
    const response = await fetch('/api/ops/board', { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.textContent = 'Not shown: ' + (problem.detail || response.status);
      document.getElementById('sign-in').hidden = false;
      clearInterval(timer);
      return;
    }
    const board = await response.json();
    show(board);
    document.getElementById('board').hidden = false;
    document.getElementById('sign-in').hidden = true;
    status.textContent = 'Updated ' + new Date(board.generatedAt).toLocaleTimeString();
  }

  function start() {
    clearInterval(timer);
    refresh().catch(error => { status.textContent = 'Not shown: ' + error.message; });
    timer = setInterval(() => refresh().catch(error => { status.textContent = 'Not shown: ' + error.message; }), REFRESH_MS);
  }

  document.getElementById('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem('leadflow.opsToken', document.getElementById('token').value);
    start();
  });
  if (sessionStorage.getItem('leadflow.opsToken')) {
    start();
  }
})();
