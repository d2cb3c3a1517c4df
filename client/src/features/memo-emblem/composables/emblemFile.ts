/**
 * The ครุฑ file as the server takes it: a data URL. A picture larger than the server keeps (45 KB) is
 * first redrawn 354 px high — 1.5 cm at 600 dpi, sharper than any print of the memo — as PNG, or as
 * JPEG on white when the PNG is still too large. Whether the result is a usable image is the server's call.
 */
export const EMBLEM_MAX_BYTES = 45 * 1024;
const PRINT_HEIGHT_PX = 354;

const asDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** Bytes a data URL's base64 stands for. */
const bytesOf = (dataUrl: string) => Math.floor(((dataUrl.length - dataUrl.indexOf(',') - 1) * 3) / 4);

export async function emblemDataUrl(file: File): Promise<string> {
  const original = await asDataUrl(file);
  if (file.size <= EMBLEM_MAX_BYTES) return original;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return original; // not a picture the browser reads: the server says what is wrong
  }
  const scale = Math.min(1, PRINT_HEIGHT_PX / bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const draw = canvas.getContext('2d')!;
  draw.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const png = canvas.toDataURL('image/png');
  if (bytesOf(png) <= EMBLEM_MAX_BYTES) return png;
  draw.globalCompositeOperation = 'destination-over';
  draw.fillStyle = '#ffffff';
  draw.fillRect(0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.9);
}
