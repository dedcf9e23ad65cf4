// Filter panels (<details data-open-wide>) start closed on a phone, where they would push the
// results down, and open on a wider screen, where they sit beside them. Without script they
// stay as the server rendered them, and open or close at a click.
const wide = window.matchMedia("(min-width: 40.0625em)");
if (wide.matches) {
  for (const details of document.querySelectorAll("details[data-open-wide]")) {
    details.open = true;
  }
}
