import { inflateRawSync } from 'node:zlib';
import { InflateTooLarge, type InflateRaw } from '../models/import/read/zip';

/**
 * Node's zlib as the xlsx reader's inflater: about twice as fast as fflate on a 35 MB sheet,
 * and bomb-safe through maxOutputLength (zlib stops instead of allocating past it).
 */
export const nodeInflateRaw: InflateRaw = (data, maxOutput) => {
  try {
    const b = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) });
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateTooLarge('over the limit');
    throw e;
  }
};
