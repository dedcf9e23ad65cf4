// The first thing in <body>, a classic script so that it runs before the page is drawn: it
// marks the body as GOV.UK Frontend's inline template script would (our strict Content
// Security Policy allows no inline script), so the phone's menu starts folded instead of
// flashing open until the module script below has run. Only where ES modules run, as GOV.UK
// Frontend's components need them.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
