// Test LMS (tests/e2e/scorm.spec.ts): hosts scorm-again's SCORM 1.2 or 2004 API on this window,
// launches an unpacked package in the iframe, counts the session calls, and hands the CMI data back.
/* global Scorm12API, Scorm2004API */
window.calls = { init: 0, terminate: 0, commit: 0, errors: [], set: {} };
window.launch = function (version, pkg, cmi) {
  var v12 = version === '1.2';
  var api = v12 ? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (cmi) api.loadFromJSON(cmi, '');
  var names = v12 ? ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSGetLastError'] : ['Initialize', 'Terminate', 'Commit', 'GetLastError'];
  ['init', 'terminate', 'commit'].forEach(function (what, i) {
    var orig = api[names[i]].bind(api);
    api[names[i]] = function () {
      window.calls[what]++;
      var r = orig.apply(null, arguments);
      var code = String(api[names[3]]());
      if (code !== '0') window.calls.errors.push(names[i] + ':' + code);
      return r;
    };
  });
  var setName = v12 ? 'LMSSetValue' : 'SetValue';
  var origSet = api[setName].bind(api);
  api[setName] = function (k, v) {
    window.calls.set[k] = v;
    return origSet(k, v);
  };
  window.API = v12 ? api : undefined;
  window.API_1484_11 = v12 ? undefined : api;
  window.lms = api;
  document.getElementById('sco').src = '/' + pkg + '/scorm-launch.html';
};
/** Ends the launch as an LMS does when the learner leaves: the SCO's page is unloaded. */
window.leave = function () {
  document.getElementById('sco').src = 'about:blank';
};
window.cmi = function () {
  return JSON.parse(JSON.stringify(window.lms.renderCMIToJSONObject()));
};
