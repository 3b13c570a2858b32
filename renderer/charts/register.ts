import { BarController, BarElement, BubbleController, CategoryScale, Chart, LinearScale, PointElement, Tooltip } from 'chart.js';

// Only the chart.js pieces Steward draws with, so the rest stays out of the bundle.
Chart.register(BarController, BarElement, BubbleController, PointElement, CategoryScale, LinearScale, Tooltip);

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#4b5563';
