// A stored video as the probe reads it: each read is one R2 range GET (nothing else of the file leaves storage).
import type { ByteSource } from "./video-probe";

export function r2ByteSource(bucket: R2Bucket, key: string, size: number): ByteSource {
  return {
    size,
    async read(start, end) {
      const object = await bucket.get(key, { range: { offset: start, length: end - start } });
      if (!object) throw new Error(`R2 object ${key} is missing`);
      return new Uint8Array(await object.arrayBuffer());
    },
  };
}
