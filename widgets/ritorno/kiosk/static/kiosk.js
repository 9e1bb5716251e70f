// Every kiosk page: labels in the visitor's language, and the session ends after a quiet spell.
(function () {
  var idle = 300000, warn = 30000, timer = null, countdown = null;
  function byId(id) { return document.getElementById(id); }
  function endSession() {
    fetch('/kiosk/end', {method: 'POST', credentials: 'same-origin'}).finally(function () { location.replace('/'); });
  }
  function quiet() {
    byId('still-there').style.display = 'flex';
    byId('still-there-stay').focus();
    countdown = setTimeout(endSession, warn);
  }
  function activity() {
    if (countdown) { clearTimeout(countdown); countdown = null; byId('still-there').style.display = 'none'; }
    clearTimeout(timer);
    timer = setTimeout(quiet, idle);
  }
  ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'].forEach(function (name) {
    document.addEventListener(name, activity, {capture: true, passive: true});
  });
  byId('still-there-stay').addEventListener('click', activity);
  fetch('/kiosk/bar', {credentials: 'same-origin'}).then(function (reply) { return reply.json(); }).then(function (bar) {
    var labels = {'kiosk-home': bar.home, 'kiosk-end': bar.end, 'still-there-text': bar.still_there, 'still-there-stay': bar.stay};
    Object.keys(labels).forEach(function (id) { if (byId(id)) byId(id).textContent = labels[id]; });
    idle = bar.idle_ms; warn = bar.warn_ms;
    activity();
  });
  activity();
})();
