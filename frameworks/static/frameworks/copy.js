/* The copy form keeps the title in step with the year: changing 2025 to 2026 changes "… năm 2025" in the title. */
document.querySelectorAll("form[data-copy-form]").forEach(function (form) {
  var year = form.querySelector("input[name=year]");
  var title = form.querySelector("input[name=title]");
  if (!year || !title) { return; }
  var last = year.value;
  year.addEventListener("input", function () {
    var now = year.value.trim();
    if (!/^\d{4}$/.test(now)) { return; }
    if (/^\d{4}$/.test(last) && title.value.indexOf(last) !== -1) {
      title.value = title.value.split(last).join(now);
    }
    last = now;
  });
});
