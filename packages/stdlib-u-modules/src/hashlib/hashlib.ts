// uhashlib engine. Spec 4.1.9 (`uhashlib`): sha256, sha1, md5 with update()/digest(); CPython's
// hashlib (which the spec defers to) also lets digest() be called repeatedly and updates continue after
// it, and has hexdigest(), so we do the same. The algorithms come from @noble/hashes (audited, pure JS).
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

interface NobleHash {
  update(data: Uint8Array): NobleHash;
  digest(): Uint8Array;
  clone(): NobleHash;
  readonly blockLen: number;
  readonly outputLen: number;
}

const ALGORITHMS: Record<string, () => NobleHash> = {
  sha256: () => sha256.create() as unknown as NobleHash,
  sha1: () => sha1.create() as unknown as NobleHash,
  md5: () => md5.create() as unknown as NobleHash,
  sha224: () => sha224.create() as unknown as NobleHash,
  sha384: () => sha384.create() as unknown as NobleHash,
  sha512: () => sha512.create() as unknown as NobleHash,
};

/** Algorithm names the engine provides. */
export const HASH_NAMES: readonly string[] = Object.keys(ALGORITHMS);

export class Hasher {
  readonly name: string;
  private state: NobleHash;

  private constructor(name: string, state: NobleHash) {
    this.name = name;
    this.state = state;
  }

  /** A new hasher for `name` (lower case, as hashlib.new accepts), or null if unknown. */
  static create(name: string): Hasher | null {
    const make = ALGORITHMS[name.toLowerCase()];
    return make ? new Hasher(name.toLowerCase(), make()) : null;
  }

  get digestSize(): number {
    return this.state.outputLen;
  }

  get blockSize(): number {
    return this.state.blockLen;
  }

  update(data: Uint8Array): void {
    this.state.update(data);
  }

  /** The digest of everything fed so far; the hasher stays usable. */
  digest(): Uint8Array {
    return this.state.clone().digest();
  }

  hexdigest(): string {
    let s = '';
    for (const b of this.digest()) s += b.toString(16).padStart(2, '0');
    return s;
  }

  copy(): Hasher {
    return new Hasher(this.name, this.state.clone());
  }
}
