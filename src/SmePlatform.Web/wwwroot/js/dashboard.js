// The dashboard's charts, drawn with Chart.js from the numbers on each canvas; the table beside each chart holds the
// same numbers (a suppressed one is a gap in the chart), so nothing is lost without JavaScript.
// Live: when the server says an application was submitted or moved on (SignalR, /hubs/dashboard), the page reads its
// own numbers again and swaps them in; without a connection it reads them every 15 seconds instead.
const drawCharts = (root) => {
    root.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
        const { type, label, labels, data } = JSON.parse(canvas.dataset.chart);
        new Chart(canvas, {
            type,
            data: { labels, datasets: [{ label, data, spanGaps: false }] },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
                plugins: { legend: { display: false } },
            },
        });
    });
};

const refresh = async () => {
    const live = document.querySelector("[data-live]");
    const answer = await fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!answer.ok) {
        return;
    }

    const fresh = new DOMParser().parseFromString(await answer.text(), "text/html").querySelector("[data-live]");
    if (!live || !fresh) {
        return;
    }

    live.querySelectorAll("canvas[data-chart]").forEach((canvas) => Chart.getChart(canvas)?.destroy());
    live.replaceWith(fresh);
    drawCharts(fresh);
    const status = document.querySelector("[data-live-status]");
    status.textContent = status.dataset.updated.replace("{0}", new Date().toLocaleTimeString(document.documentElement.lang));
};

document.addEventListener("DOMContentLoaded", () => {
    drawCharts(document);
    if (!document.querySelector("[data-live]")) {
        return;
    }

    let polling;
    const poll = () => {
        polling ??= window.setInterval(refresh, 15000);
    };
    if (!window.signalR) {
        poll();
        return;
    }

    let pending;
    // Its own logging is off: a lost connection is handled here (periodic refresh), not reported.
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/dashboard").withAutomaticReconnect()
        .configureLogging(signalR.LogLevel.None).build();
    // Several changes at once make one refresh.
    connection.on("changed", () => {
        window.clearTimeout(pending);
        pending = window.setTimeout(refresh, 150);
    });
    connection.onclose(poll);
    connection.start().catch(poll);
});
