// The bench workload, mirrored in test/bdb185-oracle.c (bench_key): key i is the 8 hex digits of
// i * 2654435761 mod 2^32 (a permutation, so keys arrive in scattered order), its value "value-i"; lookups
// visit key (j * 7919) mod n for j = 0..n-1.
const encoder = new TextEncoder();

export function benchKey(i: number): Uint8Array {
  return encoder.encode((Math.imul(i, 2654435761) >>> 0).toString(16).padStart(8, '0'));
}

export function benchValue(i: number): Uint8Array {
  return encoder.encode(`value-${i}`);
}

export function lookupIndex(j: number, n: number): number {
  return (j * 7919) % n;
}
