/* Added to every page of the CSP browser test before the page's own scripts: remembers each refusal. */
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " at " +
    (event.sourceFile || document.location.pathname) + ":" + event.lineNumber + " " + (event.sample || ""));
});
