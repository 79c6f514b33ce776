// Long lists of checkboxes (the ChoiceList widget, migra_hub/forms.py) get a box that narrows
// the list as you type. Without this script the box stays hidden and the whole list is shown.
// Hooks:
//   [data-choice-list]         the list; its search box [data-choice-list-search] is shown
//   [data-choice-list-none]    shown when no entry matches
// Hidden entries keep their state: a ticked language stays ticked and is sent with the form.
(function () {
  "use strict";

  var lists = document.querySelectorAll("[data-choice-list]");
  if (!lists.length) {
    return;
  }

  // Case and accents do not matter: "turk" finds "Türkisch".
  function normalise(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLocaleLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  Array.prototype.forEach.call(lists, function (list) {
    var search = list.querySelector("[data-choice-list-search]");
    var none = list.querySelector("[data-choice-list-none]");
    var options = Array.prototype.slice.call(list.querySelectorAll(".choice-list__option"));
    if (!search) {
      return;
    }
    var texts = options.map(function (option) {
      return normalise(option.textContent);
    });
    search.parentNode.hidden = false;

    search.addEventListener("input", function () {
      var wanted = normalise(search.value);
      var shown = 0;
      options.forEach(function (option, index) {
        var match = !wanted || texts[index].indexOf(wanted) !== -1;
        option.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (none) {
        none.hidden = shown > 0;
      }
    });

    // Enter in the box narrows the list; it does not send the form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  });
})();
