// Sorğu's script on every page: GOV.UK Frontend's components (the service navigation's Menu
// button on a phone, the error summary, the notification banner, the skip link). An ES module
// under the strict Content Security Policy: no inline script, and every page works without it.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

// GOV.UK Frontend's template sets these from an inline script; ours cannot, so they are set
// here, before the components start (each checks for govuk-frontend-supported).
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
