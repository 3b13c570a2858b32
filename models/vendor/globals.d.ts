// The few host globals models/ may use. Both Node and browsers (and their workers) have them;
// declaring only these keeps the rest of the DOM and Node out of the domain code.
// Only tsconfig.models.json includes this file (the other projects get the real lib types).
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function structuredClone<T>(value: T): T;
declare const performance: { now(): number };
