// Progressive enhancement for the door (the organiser's check-in page and the venue-code screen). Without this script
// the pages work the same: the search is a plain GET form, each tap a post that comes back to the list, and the code
// screen has a reload link.
//  - Filter as you type: hides the people whose name or organisation does not match (case and accents ignored, so
//    "aakko" finds "Ääkkönen", as the server's search does) and says how many are shown. After a tap the list comes
//    back whole (the forms post clear=true), ready for the next person.
//  - The venue code: fetches the next one when the current one changes.
(function () {
    "use strict";

    function fold(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    }

    function startFilter() {
        var input = document.getElementById("q");
        var list = document.querySelector(".checkin-list");
        var count = document.getElementById("filter-count");
        if (!input || !list || !count) {
            return;
        }

        var form = input.form;
        var serverFiltered = input.defaultValue !== "" || /[?&]person=/.test(location.search);
        var people = Array.prototype.slice.call(list.querySelectorAll("li"));

        people.forEach(function (li) {
            li.querySelectorAll("form").forEach(function (f) {
                var clear = document.createElement("input");
                clear.type = "hidden";
                clear.name = "clear";
                clear.value = "true";
                f.appendChild(clear);
            });
        });

        function filter() {
            var query = fold(input.value);
            var shown = 0;
            people.forEach(function (li) {
                var who = li.querySelector(".who");
                var match = query === "" || fold(who ? who.textContent : "").indexOf(query) >= 0;
                li.hidden = !match;
                if (match) {
                    shown++;
                }
            });
            count.textContent = query === "" ? "" : shown === 0 ? count.getAttribute("data-none") : count.getAttribute("data-text").replace("{0}", String(shown));
        }

        input.addEventListener("input", filter);
        if (form && !serverFiltered) {
            // The whole list is already here: Enter only closes the phone's keyboard.
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                filter();
                input.blur();
            });
        }
    }

    function startCode() {
        var box = document.querySelector(".venue-code[data-changes-at]");
        if (!box || !window.fetch || !window.DOMParser) {
            return;
        }

        function schedule(delay) {
            window.setTimeout(refresh, Math.max(1000, delay));
        }

        function refresh() {
            fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.text();
                })
                .then(function (html) {
                    var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".venue-code[data-changes-at]");
                    if (!fresh) {
                        box.hidden = true; // the workshop has ended
                        return;
                    }
                    box.innerHTML = fresh.innerHTML;
                    box.setAttribute("data-changes-at", fresh.getAttribute("data-changes-at"));
                    schedule(Number(fresh.getAttribute("data-changes-at")) - Date.now() + 1000);
                })
                .catch(function () {
                    schedule(30000);
                });
        }

        schedule(Number(box.getAttribute("data-changes-at")) - Date.now() + 1000);
    }

    function start() {
        startFilter();
        startCode();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
