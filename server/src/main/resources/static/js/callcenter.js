// Copy buttons: <button data-copy="element-id" data-copied="Copied">. Falls back to selecting the
// text where the clipboard API is unavailable (plain http outside localhost).
document.addEventListener('click', function (evt) {
  var button = evt.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  var done = function () { button.textContent = button.getAttribute('data-copied') || button.textContent; };
  var select = function () {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(source.textContent.trim()).then(done, select);
  } else {
    select();
  }
});
