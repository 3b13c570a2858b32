import { BarController, BarElement, BubbleController, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the chart.js pieces Steward draws with, so the rest stays out of the bundle.
Chart.register(BarController, BarElement, BubbleController, CategoryScale, LinearScale, Tooltip, LineController, LineElement, PointElement, Filler, Legend);

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#4b5563';
