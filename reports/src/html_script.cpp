#include "html_assets.hpp"

namespace upspec::reports::detail {

// The details of each case ship inside a <noscript>: with scripting on, the parser keeps its
// content as one inert text node, so 2000 cases x 15 targets cost a few thousand DOM nodes until
// a case is opened, and the script then parses that one case. With scripting off the same
// markup renders directly.
std::string_view html_script() {
  return R"js(
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');

  function hydrate(d) {
    var ns = d.querySelector(':scope > noscript');
    if (!ns) return;
    var body = document.createElement('div');
    body.innerHTML = ns.textContent;
    ns.replaceWith(body);
  }
  document.addEventListener('toggle', function (e) {
    var d = e.target;
    if (d.classList && d.classList.contains('case') && d.open) hydrate(d);
  }, true);

  var cases = Array.prototype.slice.call(document.querySelectorAll('details.case'));
  var keys = cases.map(function (d) {
    var s = d.querySelector(':scope > summary > .cid');
    return (s ? s.textContent : '').toLowerCase();
  });
  var verdicts = cases.map(function (d) {
    return (d.getAttribute('data-v') || '').split(' ');
  });
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.cat'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-verdict]'));
  var differ = document.getElementById('differ');
  var search = document.getElementById('q');
  var shown = document.getElementById('shown');

  function apply() {
    var want = {};
    boxes.forEach(function (b) { if (b.checked) want[b.getAttribute('data-verdict')] = true; });
    var text = search ? search.value.trim().toLowerCase() : '';
    var onlyDiffer = differ ? differ.checked : false;
    var n = 0;
    for (var i = 0; i < cases.length; i++) {
      var v = verdicts[i];
      var ok = v.some(function (x) { return want[x]; }) &&
        (!onlyDiffer || v.length > 1) && (!text || keys[i].indexOf(text) >= 0);
      cases[i].hidden = !ok;
      if (ok) n++;
    }
    sections.forEach(function (s) {
      s.hidden = !s.querySelector('details.case:not([hidden])');
    });
    if (shown) shown.textContent = 'Showing ' + n + ' of ' + cases.length + ' cases';
  }

  var timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(apply, 120); }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  if (differ) differ.addEventListener('change', apply);
  if (search) search.addEventListener('input', later);
  function only(list) {
    boxes.forEach(function (b) { b.checked = list.indexOf(b.getAttribute('data-verdict')) >= 0; });
    apply();
  }
  var problems = document.getElementById('problems');
  if (problems) problems.addEventListener('click', function () {
    only(['FAIL', 'ERROR', 'NON-STRICT', 'UNKNOWN']);
  });
  var all = document.getElementById('all');
  if (all) all.addEventListener('click', function () {
    if (search) search.value = '';
    if (differ) differ.checked = false;
    only(boxes.map(function (b) { return b.getAttribute('data-verdict'); }));
  });

  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var d = id ? document.getElementById(id) : null;
    if (!d || !d.classList.contains('case')) return;
    d.hidden = false;
    d.parentNode.hidden = false;
    d.open = true;
    d.scrollIntoView();
  }
  window.addEventListener('hashchange', openFromHash);

  apply();
  openFromHash();
  root.setAttribute('data-rendered', 'yes');
})();
)js";
}

}  // namespace upspec::reports::detail
