// The self-check's radar chart, drawn with Chart.js from the scores on its canvas. The table beside it holds the
// same numbers, so nothing is lost without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("canvas[data-radar]").forEach((canvas) => {
        const { labels, label, scores } = JSON.parse(canvas.dataset.radar);
        new Chart(canvas, {
            type: "radar",
            data: { labels, datasets: [{ label, data: scores, fill: true, spanGaps: true }] },
            options: {
                animation: false,
                responsive: true,
                scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } },
                plugins: { legend: { display: false } },
            },
        });
    });
});
