// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
    // A form that came back with errors: move focus to the summary so it is read out first.
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }

    // The catalogue's filters stay open where there is room beside the results (CSS does it where it can; this is
    // for browsers without ::details-content). On a phone they stay folded until opened.
    const wide = window.matchMedia("(min-width: 48.0625rem)");
    const panels = document.querySelectorAll("details[data-filter-panel]");
    const openWhereWide = () => panels.forEach((panel) => { if (wide.matches) { panel.open = true; } });
    openWhereWide();
    wide.addEventListener("change", openWhereWide);

    // Postal code → address, in the page. Without JavaScript the same button asks the server for the whole page; here
    // it asks for the fields and the notice only. Either way only empty fields are filled: nothing typed is replaced.
    document.querySelectorAll("[data-postal-lookup]").forEach((button) => {
        const form = button.form;
        const status = form.querySelector("[data-postal-status]");
        button.addEventListener("click", async (event) => {
            event.preventDefault();
            const data = new FormData(form);
            data.set(button.name, button.value);
            let answer;
            try {
                answer = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } });
            } catch {
                answer = null;
            }

            if (!answer || !answer.ok) {
                // Offline or refused: let the server do it as it would without JavaScript.
                form.requestSubmit(button);
                return;
            }

            const lookup = await answer.json();
            if (lookup.found) {
                for (const name of ["PostalCode", "PrefectureCode", "City", "Street"]) {
                    const value = lookup[name.charAt(0).toLowerCase() + name.slice(1)];
                    form.elements[name].value = value ?? "";
                }

                form.elements["Street"].focus();
            }

            // The server's words, encoded there (a typed address in Japanese is marked lang="ja" on English pages).
            status.innerHTML = lookup.notice;
        });

        // Enter in the postal code looks it up; in any other field it saves the form (the lookup button comes
        // first, and would otherwise be the default).
        form.addEventListener("keydown", (event) => {
            const target = event.target;
            if (event.key === "Enter" && target instanceof HTMLInputElement && target.type !== "submit") {
                event.preventDefault();
                if (target.name === "PostalCode") {
                    button.click();
                } else {
                    form.requestSubmit(form.querySelector("[data-default-submit]"));
                }
            }
        });
    });

    // A list whose choices belong under the choice of another field (業種の中分類 under the 大分類, the 小分類 under the
    // 中分類): only the choices under the one made there are offered, and a choice that no longer fits is cleared (which
    // clears the lists under it in turn). Without JavaScript every choice stays, and the server refuses a mismatch.
    document.querySelectorAll("select[data-parent-field]").forEach((select) => {
        const parent = select.form.elements[select.dataset.parentField];
        if (!parent) {
            return;
        }

        const choices = Array.from(select.options);
        const offer = () => {
            const current = select.value;
            const offered = choices.filter((option) => !option.dataset.parent || option.dataset.parent === parent.value);
            select.replaceChildren(...offered);
            select.value = offered.some((option) => option.value === current) ? current : "";
            if (select.value !== current) {
                select.dispatchEvent(new Event("change"));
            }
        };
        parent.addEventListener("change", offer);
        offer();
    });

    // Application steps save themselves every few seconds while being typed in (Next still saves and checks).
    document.querySelectorAll("form[data-autosave]").forEach((form) => {
        const status = form.querySelector("[data-autosave-status]");
        let dirty = false;
        form.addEventListener("input", () => { dirty = true; });
        form.addEventListener("change", () => { dirty = true; });
        setInterval(async () => {
            if (!dirty) {
                return;
            }

            dirty = false;
            const data = new FormData(form);
            form.querySelectorAll("input[type=file]").forEach((input) => data.delete(input.name));
            data.set("intent", "autosave");
            try {
                const answer = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" });
                const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
                // 422: saved, except what was typed wrongly (the buttons show it beside its field); tried again once changed.
                const invalid = answer.status === 422 && status.dataset.invalid;
                status.textContent = answer.status === 204 ? status.dataset.saved.replace("{0}", time) : invalid || status.dataset.failed;
                dirty = dirty || (answer.status !== 204 && !invalid);
            } catch {
                status.textContent = status.dataset.failed;
                dirty = true;
            }
        }, 5000);
    });

    // The submit button is pressed once; the server makes a second press harmless anyway (idempotency key).
    document.querySelectorAll("form[data-submit-once]").forEach((form) => {
        form.addEventListener("submit", () => {
            setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; }), 0);
        });
    });
});
