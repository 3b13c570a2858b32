/**
 * A chart's canvas as PNG bytes on a white background (chart.js draws on a transparent canvas,
 * which most viewers show as black or chequered), at the canvas's own resolution.
 */
export async function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the chart as an image');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be turned into an image');
  return new Uint8Array(await blob.arrayBuffer());
}
