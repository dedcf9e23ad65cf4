/* Drawing redaction boxes on the page images of workspace/redact.html.
 *
 * The boxes live in the form's rows of numbers (page, edges in percent, reason), which work
 * without this script and from the keyboard. This script only fills them in from a drag on a
 * page image (pointer events: mouse, pen, touch), adds a row when none is left, and shows every
 * row's box over its page. No inline script: loaded as a file under the Content Security Policy.
 */
(function () {
  "use strict";

  var form = document.getElementById("redact-boxes");
  if (!form) {
    return;
  }
  var rowsInput = document.getElementById("redact-rows");
  var reasonSelect = document.getElementById("redact-reason");
  var announce = document.getElementById("redact-announce");
  var body = form.querySelector("tbody");
  var pages = Array.prototype.slice.call(document.querySelectorAll(".foi-redact-page"));
  var SIDES = ["x0", "y0", "x1", "y1"];

  Array.prototype.forEach.call(document.querySelectorAll(".foi-redact-draw-only"), function (el) {
    el.hidden = false;
  });

  function rows() {
    return Array.prototype.slice.call(body.querySelectorAll("tr[data-row]"));
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  function isEmpty(row) {
    return ["page"].concat(SIDES).every(function (name) {
      return field(row, name).value === "";
    });
  }

  function addRow() {
    var all = rows();
    var last = all[all.length - 1];
    var index = all.length;
    var copy = last.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[name], [id], [for]"), function (el) {
      ["name", "id", "for"].forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value) {
          el.setAttribute(attribute, value.replace(/box-\d+-/, "box-" + index + "-"));
        }
      });
      if (el.tagName === "INPUT" || el.tagName === "SELECT") {
        el.value = "";
      }
    });
    copy.querySelector("th").textContent = String(index + 1);
    body.appendChild(copy);
    rowsInput.value = String(index + 1);
    return copy;
  }

  function round(value) {
    return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
  }

  function place(element, box) {
    element.style.left = box.x0 + "%";
    element.style.top = box.y0 + "%";
    element.style.width = box.x1 - box.x0 + "%";
    element.style.height = box.y1 - box.y0 + "%";
  }

  function redraw() {
    pages.forEach(function (page) {
      Array.prototype.forEach.call(page.querySelectorAll(".foi-redact-box"), function (el) {
        el.remove();
      });
    });
    rows().forEach(function (row, index) {
      var number = parseInt(field(row, "page").value, 10);
      var box = {};
      var complete = SIDES.every(function (side) {
        box[side] = parseFloat(field(row, side).value);
        return !isNaN(box[side]);
      });
      var page = pages.filter(function (p) {
        return parseInt(p.dataset.page, 10) === number;
      })[0];
      if (!complete || !page || box.x1 <= box.x0 || box.y1 <= box.y0) {
        return;
      }
      var mark = document.createElement("span");
      mark.className = "foi-redact-box";
      mark.textContent = String(index + 1);
      mark.setAttribute("aria-hidden", "true");
      place(mark, box);
      page.appendChild(mark);
    });
  }

  pages.forEach(function (page) {
    var start = null;
    var ghost = null;

    function at(event) {
      var rect = page.querySelector("img").getBoundingClientRect();
      return {
        x: round(((event.clientX - rect.left) / rect.width) * 100),
        y: round(((event.clientY - rect.top) / rect.height) * 100),
      };
    }

    function current(event) {
      var end = at(event);
      return {
        x0: Math.min(start.x, end.x),
        y0: Math.min(start.y, end.y),
        x1: Math.max(start.x, end.x),
        y1: Math.max(start.y, end.y),
      };
    }

    page.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      start = at(event);
      ghost = document.createElement("span");
      ghost.className = "foi-redact-box foi-redact-ghost";
      page.appendChild(ghost);
      page.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    page.addEventListener("pointermove", function (event) {
      if (start) {
        place(ghost, current(event));
      }
    });
    page.addEventListener("pointerup", function (event) {
      if (!start) {
        return;
      }
      var box = current(event);
      start = null;
      ghost.remove();
      if (box.x1 - box.x0 < 0.3 || box.y1 - box.y0 < 0.3) {
        return; // a click, not a box
      }
      var row = rows().filter(isEmpty)[0] || addRow();
      field(row, "page").value = page.dataset.page;
      SIDES.forEach(function (side) {
        field(row, side).value = String(box[side]);
      });
      if (reasonSelect && !field(row, "reason").value) {
        field(row, "reason").value = reasonSelect.value;
      }
      announce.textContent =
        row.querySelector("th").textContent + " · " + page.querySelector("figcaption").textContent;
      redraw();
    });
  });

  form.addEventListener("input", redraw);
  form.addEventListener("change", redraw);
  redraw();
})();
