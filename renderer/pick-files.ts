const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.txt';

/**
 * Opens the browser's file chooser and resolves with the chosen files ([] when cancelled).
 * The input is attached (hidden) while the chooser is open so automation can find it.
 */
export function pickFiles(opts: { folder: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.hidden = true;
    if (opts.folder) input.webkitdirectory = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}
