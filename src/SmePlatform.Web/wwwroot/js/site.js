// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
    // A form that came back with errors: move focus to the summary so it is read out first.
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
});
