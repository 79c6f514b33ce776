// Filters of the directory pages apply without a full page load. The pages work without this
// script: the filter form is a GET form, every other control is a link, and links (pages,
// removing a filter) stay normal navigation. Hooks:
//   [data-filter-form]    a committed select choice, a changed checkbox, or a submit (Enter in
//                         the search box) fetches the page the form would load. A select is
//                         committed when picked with the pointer or touch, or from its open list;
//                         moving through a closed select with the arrow keys (or by typing) only
//                         browses: the choice applies on Enter or when the focus leaves the
//                         select, so four arrow presses make no request (WCAG 3.2.2).
//   [data-swap="name"]    parts of the page replaced by the same part of the fetched page
//   [data-filter-status]  a polite live region; it repeats the new [data-result-count]
// Any failure falls back to loading the address normally.
(function () {
  "use strict";

  if (
    !document.querySelector("[data-filter-form]") ||
    !document.querySelector('[data-swap="results"]') ||
    typeof window.fetch !== "function" ||
    typeof window.AbortController !== "function" ||
    typeof window.DOMParser !== "function" ||
    !window.history.pushState
  ) {
    return;
  }

  var FOCUSABLE = "a[href], button, input, select, textarea";
  var controller = null;
  var requested = null; // the address of the request that is running
  var shown = window.location.pathname + window.location.search;

  function addressWithoutFragment(url) {
    var parsed = new URL(url, window.location.href);
    return parsed.pathname + parsed.search;
  }

  // The address the form would load, without its empty fields. The server redirects what is
  // still untidy (the default sort order); the fetch follows it and reports the final address.
  function formUrl(form) {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && value.trim()) {
        query.append(name, value);
      }
    });
    var url = new URL(form.action, window.location.href);
    url.search = query.toString();
    url.hash = "";
    return url.href;
  }

  // What the search boxes held when the request started: text typed while it runs is kept.
  function textValues(form) {
    var values = {};
    form.querySelectorAll('input[type="search"], input[type="text"]').forEach(function (input) {
      if (input.id) {
        values[input.id] = input.value;
      }
    });
    return values;
  }

  // Where the keyboard focus is, to put it back on the same control in the new parts: by its
  // id, else by its position among the focusable elements of its part.
  function focusPosition() {
    var active = document.activeElement;
    var part = active && active.closest ? active.closest("[data-swap]") : null;
    if (!part) {
      return null;
    }
    return {
      id: active.id,
      part: part.getAttribute("data-swap"),
      index: Array.prototype.indexOf.call(part.querySelectorAll(FOCUSABLE), active),
      selection:
        typeof active.selectionStart === "number"
          ? [active.selectionStart, active.selectionEnd]
          : null,
    };
  }

  function restoreFocus(position) {
    if (!position) {
      return;
    }
    var target = position.id ? document.getElementById(position.id) : null;
    if (!target) {
      var part = document.querySelector('[data-swap="' + position.part + '"]');
      target = part ? part.querySelectorAll(FOCUSABLE)[position.index] : null;
    }
    if (!target) {
      return;
    }
    target.focus({ preventScroll: true });
    if (position.selection && typeof target.setSelectionRange === "function") {
      try {
        target.setSelectionRange(position.selection[0], position.selection[1]);
      } catch (error) {
        // Some input types have no selection; the focus is what matters.
      }
    }
  }

  // Replace every part of this page by its counterpart in the fetched one; nothing is replaced
  // unless all of them are there (else the caller loads the page normally).
  function swapParts(fetched, sentText) {
    var parts = Array.prototype.slice.call(document.querySelectorAll("[data-swap]"));
    var replacements = parts.map(function (part) {
      var name = part.getAttribute("data-swap");
      return fetched.querySelector('[data-swap="' + name + '"]');
    });
    if (replacements.indexOf(null) !== -1) {
      return false;
    }
    var typed = {};
    Object.keys(sentText).forEach(function (id) {
      var input = document.getElementById(id);
      if (input && input.value !== sentText[id]) {
        typed[id] = input.value;
      }
    });
    var focus = focusPosition();
    parts.forEach(function (part, index) {
      part.replaceWith(document.adoptNode(replacements[index]));
    });
    Object.keys(typed).forEach(function (id) {
      var input = document.getElementById(id);
      if (input) {
        input.value = typed[id];
      }
    });
    restoreFocus(focus);
    return true;
  }

  function announce() {
    var status = document.querySelector("[data-filter-status]");
    var count = document.querySelector("[data-result-count]");
    if (!status || !count) {
      return;
    }
    // Emptied first so that the same count is announced again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = count.textContent.replace(/\s+/g, " ").trim();
    }, 100);
  }

  function setBusy(busy) {
    var results = document.querySelector('[data-swap="results"]');
    if (!results) {
      return;
    }
    if (busy) {
      results.setAttribute("aria-busy", "true");
    } else {
      results.removeAttribute("aria-busy");
    }
  }

  // Fetch the page at url and show its parts. push: a new history entry (a filter changed);
  // else the address is already in the location bar (back and forward).
  function show(url, push) {
    if (controller) {
      controller.abort();
    }
    var current = new AbortController();
    controller = current;
    requested = url;
    var form = document.querySelector("[data-filter-form]");
    var sentText = form ? textValues(form) : {};
    setBusy(true);
    window
      .fetch(url, {
        signal: current.signal,
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("The page answered " + response.status);
        }
        return response.text().then(function (html) {
          return { url: response.url || url, html: html };
        });
      })
      .then(function (page) {
        if (current.signal.aborted) {
          return;
        }
        var fetched = new DOMParser().parseFromString(page.html, "text/html");
        if (!swapParts(fetched, sentText)) {
          throw new Error("The fetched page has other parts");
        }
        var address = addressWithoutFragment(page.url);
        if (push && address !== shown) {
          window.history.pushState({ directoryFilters: true }, "", address);
        } else if (address !== addressWithoutFragment(window.location.href)) {
          window.history.replaceState({ directoryFilters: true }, "", address);
        }
        shown = address;
        if (fetched.title) {
          document.title = fetched.title;
        }
        announce();
        if (controller === current) {
          controller = null;
        }
      })
      .catch(function (error) {
        if (current.signal.aborted || (error && error.name === "AbortError")) {
          return; // a newer request took over
        }
        window.location.assign(url);
      });
  }

  function isFilterForm(form) {
    return Boolean(form && form.hasAttribute && form.hasAttribute("data-filter-form"));
  }

  // The value of a select as the shown page has it (the filter that is applied).
  function appliedValue(select) {
    for (var i = 0; i < select.options.length; i += 1) {
      if (select.options[i].defaultSelected) {
        return select.options[i].value;
      }
    }
    return select.options.length ? select.options[0].value : "";
  }

  // Enter in an open list and the change that follows commit the same choice: one request.
  function applySelect(select) {
    browsing = null;
    var url = formUrl(select.form);
    if (select.value !== appliedValue(select) && !(controller && requested === url)) {
      show(url, true);
    }
  }

  // Keys that move through a closed select without opening it; Alt+arrow, F4 and space open
  // its list, from which a choice is committed.
  var BROWSING_KEYS = /^(ArrowUp|ArrowDown|ArrowLeft|ArrowRight|Home|End|PageUp|PageDown)$/;
  var browsing = null; // the select the keyboard is moving through without committing

  function isFilterSelect(control) {
    return control && control.tagName === "SELECT" && isFilterForm(control.form);
  }

  document.addEventListener("keydown", function (event) {
    var select = event.target;
    if (!isFilterSelect(select)) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      applySelect(select);
    } else if (event.key === " " || event.key === "F4" || event.altKey) {
      browsing = null; // the list opens; a choice made in it is committed
    } else if (BROWSING_KEYS.test(event.key) || event.key.length === 1) {
      browsing = select;
    }
  });

  document.addEventListener("pointerdown", function () {
    browsing = null;
  });

  document.addEventListener("focusout", function (event) {
    if (isFilterSelect(event.target) && browsing === event.target) {
      applySelect(event.target);
    }
  });

  // Checkboxes apply at once, selects when their choice is committed; text applies on submit,
  // never per keystroke.
  document.addEventListener("change", function (event) {
    var control = event.target;
    if (!isFilterForm(control.form)) {
      return;
    }
    if (control.tagName === "SELECT") {
      if (browsing !== control) {
        applySelect(control);
      }
    } else if (control.type === "checkbox" || control.type === "radio") {
      show(formUrl(control.form), true);
    }
  });

  document.addEventListener("submit", function (event) {
    if (!isFilterForm(event.target)) {
      return;
    }
    event.preventDefault();
    show(formUrl(event.target), true);
  });

  window.addEventListener("popstate", function () {
    // A jump to an anchor (the skip link) and back changes no filter.
    if (addressWithoutFragment(window.location.href) !== shown) {
      show(window.location.href, false);
    }
  });
})();
