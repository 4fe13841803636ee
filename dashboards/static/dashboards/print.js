/* Closed <details> do not print: open every table view before printing so the figures are on paper too. */
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.chart-table").forEach(function (d) { d.open = true; });
});
