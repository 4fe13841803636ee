/* cchc's behaviour on every page, kept out of the HTML so the Content-Security-Policy allows no inline script.
   A <select data-autosubmit> sends its form when the choice changes (the language menu); without JavaScript the
   form's own button does it. */
document.addEventListener("change", function (event) {
  var select = event.target.closest && event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    if (select.form.requestSubmit) { select.form.requestSubmit(); } else { select.form.submit(); }
  }
});
