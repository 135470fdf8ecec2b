/**
 * The WebAssembly binary format's encodings that the suite's generated kernels need (Figure 2's
 * hidden layers, the fused engine's Adam): LEB128 integers, vectors, sections and names, each as
 * an array of bytes (WebAssembly core specification, §5.1–5.2 and §5.5.2).
 *
 * @example wasmEncoding.u32(624485) // [0xe5, 0x8e, 0x26]
 * @example wasmEncoding.s32(-123456) // [0xc0, 0xbb, 0x78]
 */
export const wasmEncoding = {
  /** Unsigned LEB128. */
  u32(n: number): number[] {
    const out: number[] = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n !== 0) byte |= 0x80;
      out.push(byte);
    } while (n !== 0);
    return out;
  },
  /** Signed LEB128. */
  s32(n: number): number[] {
    const out: number[] = [];
    for (;;) {
      const byte = n & 0x7f;
      n >>= 7;
      if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
        out.push(byte);
        return out;
      }
      out.push(byte | 0x80);
    }
  },
  /** A vector: its length, then its items' bytes. */
  vec(items: number[][]): number[] {
    return [...wasmEncoding.u32(items.length), ...items.flat()];
  },
  /** A section: its id, its byte length, then its body. */
  section(id: number, body: number[]): number[] {
    return [id, ...wasmEncoding.u32(body.length), ...body];
  },
  /** A name: its UTF-8 byte length, then the bytes. */
  name(s: string): number[] {
    const bytes = [...new TextEncoder().encode(s)];
    return [...wasmEncoding.u32(bytes.length), ...bytes];
  },
};
