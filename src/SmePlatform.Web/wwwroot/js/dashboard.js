// The dashboard's charts, drawn with Chart.js from the numbers on each canvas; the table beside each chart holds the
// same numbers (a suppressed one is a gap in the chart), so nothing is lost without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
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
});
