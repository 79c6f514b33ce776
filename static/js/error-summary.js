// The error summary of GOV.UK Frontend, in our words. base.html loads this script only on a page
// whose form came back with errors. Hooks:
//   [data-error-summary]  focused once the page has loaded, so that screen readers read it first
//                         (without this script it is still the first thing in the form)
//   its links (#field-id) move the focus to the field and scroll its label or legend into view,
//                         so that the question is seen together with the field
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary && !summary.contains(document.activeElement)) {
    summary.focus();
  }

  // The label or legend that says what the field asks for.
  function questionOf(input) {
    var fieldset = input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) {
      return legend;
    }
    return (input.labels && input.labels[0]) || input;
  }

  // Delegated, so that summaries swapped in later (directory filters) work too.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-error-summary] a[href^='#']") : null;
    if (!link) {
      return;
    }
    var input = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!input) {
      return;
    }
    event.preventDefault();
    questionOf(input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
