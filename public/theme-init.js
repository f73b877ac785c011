// Applies the saved theme before the first paint (an external file, so the strict CSP needs no inline script).
try {
  var choice = window.localStorage.getItem('dcos-console-theme');
  if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
} catch (e) {
  // Storage can be disabled; the OS preference applies.
}
