// The review page's keys: s same, d different, u unsure, j next, k previous, z undo. Without JavaScript
// the page's buttons and links do the same.
document.addEventListener('keydown', function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) { return; }
  var target = event.target;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) { return; }
  var ids = { s: 'decide-same', d: 'decide-different', u: 'decide-unsure', j: 'pair-next', k: 'pair-previous', z: 'undo' };
  var id = ids[event.key];
  if (!id) { return; }
  var element = document.getElementById(id);
  if (element) {
    event.preventDefault();
    element.click();
  }
});
