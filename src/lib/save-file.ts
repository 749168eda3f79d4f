/** Saves data as a file in the browser's downloads, named `fileName`. */
export function saveFile(
  fileName: string,
  data: Blob | string,
  type = 'application/octet-stream',
): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the object URL; free it after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
