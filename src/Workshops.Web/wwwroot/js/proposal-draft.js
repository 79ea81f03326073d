// Progressive enhancement for the ideas wall (the stand page and the workshop page): keeps the text being typed in
// sessionStorage, so a send that never reached the server (a dropped network at the stand) does not lose it, and
// clears it once the server has thanked for a proposal. The forms work the same without this script.
(function () {
    "use strict";
    var key = "proposal-draft:" + location.pathname;
    var storage;
    try {
        storage = window.sessionStorage;
    } catch (e) {
        return; // storage blocked: nothing to keep
    }

    function start() {
        var field = document.querySelector("textarea[data-draft='proposal']");
        if (!field) {
            return;
        }

        if (document.querySelector("[data-proposal-sent]")) {
            storage.removeItem(key); // the server has it: the next person starts from an empty form
        } else if (field.value === "" && storage.getItem(key)) {
            field.value = storage.getItem(key);
        }

        field.addEventListener("input", function () {
            if (field.value === "") {
                storage.removeItem(key);
            } else {
                storage.setItem(key, field.value);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
