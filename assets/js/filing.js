// The filing wizard, enhanced: every page works without this script.
// 1. Forms with data-autosave save their free-text fields as the person types.
// 2. The body search field narrows the list of bodies as the person types.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function autosave(form) {
    var url = form.getAttribute("data-autosave");
    var status = document.getElementById("autosave-status");
    var fields = ["subject", "text", "urgency_justification", "pseudonym"];
    var timer = null;
    function save() {
      var data = new FormData();
      fields.forEach(function (name) {
        var field = form.elements[name];
        if (field) { data.append(name, field.value); }
      });
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.json().then(function (body) {
          if (status) { status.textContent = body.saved || body.error || ""; }
        });
      }).catch(function () { /* offline: the step's button still saves */ });
    }
    form.addEventListener("input", function (event) {
      if (fields.indexOf(event.target.name) === -1) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 1200);
    });
  }

  function bodySearch(input) {
    var url = input.getAttribute("data-autocomplete");
    var list = document.querySelector("#body-choices ul.choices");
    if (!list) { return; }
    var timer = null;
    function render(results) {
      var checked = list.querySelector("input[type=radio]:checked");
      var keep = checked ? checked.closest("li") : null;
      list.textContent = "";
      if (keep) { list.appendChild(keep); }
      results.forEach(function (body) {
        if (keep && checked.value === body.slug) { return; }
        var item = document.createElement("li");
        item.className = "govuk-radios__item";
        var radio = document.createElement("input");
        radio.className = "govuk-radios__input";
        radio.type = "radio"; radio.name = "body"; radio.value = body.slug;
        radio.id = "body-" + body.slug;
        var label = document.createElement("label");
        label.htmlFor = radio.id;
        label.className = "govuk-label govuk-radios__label";
        label.textContent = body.name + (body.acronym ? " (" + body.acronym + ")" : "") + " ";
        var meta = document.createElement("span");
        meta.className = "meta"; meta.textContent = "· " + body.kind;
        label.appendChild(meta);
        item.appendChild(radio); item.appendChild(document.createTextNode(" "));
        item.appendChild(label);
        list.appendChild(item);
      });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { return; }
      timer = window.setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (body) { render(body.results || []); })
          .catch(function () {});
      }, 250);
    });
  }

  document.querySelectorAll("form[data-autosave]").forEach(autosave);
  document.querySelectorAll("input[data-autocomplete]").forEach(bodySearch);
})();
