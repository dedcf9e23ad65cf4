// Sorğu's script on every page: GOV.UK Frontend's components (the service navigation's Menu
// button on a phone, the error summary, the notification banner, the skip link). An ES module
// under the strict Content Security Policy: no inline script, and every page works without it.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

// body-start.js marked the body before it was drawn; again here, should it not have run.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
