/** Saves text as a file; see downloadBlob. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Saves data as a file through a temporary object URL; nothing is sent anywhere. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  // Firefox ignores clicks on links that are not in the document.
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Following the link parses the URL during click(), which captures the blob (URL Standard: blob URL entry), so
    // it can go at once; a deferred revoke would also outlive tests that stub URL.revokeObjectURL.
    URL.revokeObjectURL(url);
  }
}
