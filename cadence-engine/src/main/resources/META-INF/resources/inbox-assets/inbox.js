// The inbox's little script: local times, the claim countdown, new leads live (server-sent events),
// with a sound and a browser notification when the rep allowed them. The page works without it.
(function () {
  'use strict';
  var leads = document.getElementById('leads');
  var live = document.getElementById('live');
  var alertsButton = document.getElementById('alerts');
  var audio = null;
  var ALERTS_KEY = 'leadflow.inbox.alerts';

  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var at = new Date(el.getAttribute('datetime'));
      if (!isNaN(at)) { el.textContent = at.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }); }
    });
  }

  function tick() {
    document.querySelectorAll('.countdown[data-due]').forEach(function (el) {
      var left = Math.round((new Date(el.getAttribute('data-due')) - Date.now()) / 1000);
      el.textContent = left > 0 ? 'Claim within ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0')
        : 'Claim time is up: it may pass to the next rep';
      el.classList.toggle('late', left <= 0);
    });
  }

  function beep() {
    if (!audio) { return; }
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.1;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  }

  function announce(name) {
    live.textContent = 'New lead: ' + name;
    beep();
    // the card and the beep tell a rep looking at the page; a notification reaches one who is not
    if ('Notification' in window && Notification.permission === 'granted' && (document.hidden || !document.hasFocus())) {
      try {
        new Notification('New lead: ' + name, { tag: 'leadflow-inbox' });
      } catch (e) {
        // Chrome on Android only notifies through a service worker; the card and the beep remain
      }
    }
  }

  function show(event) {
    var template = document.createElement('template');
    template.innerHTML = event.html.trim();
    var card = template.content.firstElementChild;
    var existing = document.getElementById(card.id);
    if (existing) {
      existing.replaceWith(card);
    } else {
      var empty = leads.querySelector('.empty');
      if (empty) { empty.remove(); }
      leads.prepend(card);
      announce(event.name);
    }
    localTimes(card);
    tick();
  }

  function turnOnAlerts() {
    if (window.AudioContext && !audio) { audio = new AudioContext(); }
    if (audio && audio.state === 'suspended') { audio.resume(); }
    if ('Notification' in window && Notification.permission === 'default') { Notification.requestPermission(); }
    alertsButton.hidden = true;
    try { localStorage.setItem(ALERTS_KEY, 'on'); } catch (e) { /* private mode: asked again next time */ }
  }

  if (alertsButton && ('Notification' in window || window.AudioContext)) {
    alertsButton.addEventListener('click', turnOnAlerts);
    var turnedOn = false;
    try { turnedOn = localStorage.getItem(ALERTS_KEY) === 'on'; } catch (e) { /* as never asked */ }
    if (turnedOn) {
      // a reload (after an interruption) keeps the rep's choice; browsers play sound only after a
      // tap on the page, so the first tap anywhere wakes the sound up again
      document.addEventListener('pointerdown', turnOnAlerts, { once: true });
      if (window.AudioContext) { audio = new AudioContext(); }
    } else {
      alertsButton.hidden = false;
    }
  }

  localTimes(document);
  tick();
  setInterval(tick, 1000);

  if (leads && window.EventSource) {
    var source = new EventSource('/inbox/events');
    var interrupted = false;
    source.onmessage = function (message) {
      var event = JSON.parse(message.data);
      if (event.type === 'lead') { show(event); }
      if (event.type === 'gone') {
        var card = document.getElementById('lead-' + event.leadId);
        if (card) { card.remove(); }
      }
      // the engine lost track of other instances' routings for a while (a database restart)
      if (event.type === 'reload') { location.reload(); }
      if (event.type === 'listening') {
        // back after an interruption: leads routed meanwhile were not heard, so redraw the list
        if (interrupted) { location.reload(); }
        leads.setAttribute('data-live', 'true');
      }
    };
    source.onerror = function () {
      interrupted = true;
      leads.removeAttribute('data-live');
    };
  }
})();
