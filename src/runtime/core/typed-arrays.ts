/**
 * Typed arrays and ArrayBuffers, counted. Their memory is outside the engine's JavaScript
 * heap: no heap limit stops `while (true) list.push(new Float64Array(1e7).fill(1))`, which
 * would take the machine's memory at the speed of memset. The program sees these
 * subclasses under the global names (the transform binds them like `console`), each of
 * which adds the bytes it allocates to the run's tally, refuses an allocation that would
 * take the tally over the budget before it happens, and gives the bytes back once the
 * array is garbage-collected.
 *
 * What it does not see: buffers made by built-ins the program calls (Node's Buffer, a
 * TextEncoder), and, within one synchronous stretch, arrays already dropped (the engine
 * reports collected arrays between tasks). The host's own reading, where it has one, and
 * the engine's limits cover the rest.
 */

const TYPED_ARRAY_NAMES = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

/** The names the program sees counted constructors under. */
export const COUNTED_CONSTRUCTORS = ['ArrayBuffer', ...TYPED_ARRAY_NAMES] as const;
export type CountedName = (typeof COUNTED_CONSTRUCTORS)[number];

type TypedArrayConstructor = { new (...args: unknown[]): ArrayBufferView; readonly BYTES_PER_ELEMENT: number };

/** Whether a constructor call makes a new buffer (a length, an array, an iterable) rather than a view on one. */
const makesBuffer = (first: unknown): boolean =>
  !(first instanceof ArrayBuffer) && !(typeof SharedArrayBuffer !== 'undefined' && first instanceof SharedArrayBuffer);

export class TypedArrayTally {
  /** Bytes the program's live typed arrays and ArrayBuffers hold (as far as the tally knows). */
  bytes = 0;
  private readonly released = new FinalizationRegistry<number>((bytes) => {
    this.bytes -= bytes;
  });

  /**
   * @param limitBytes  the memory budget
   * @param over        called (and must throw) when an allocation would go over it
   */
  constructor(
    private readonly limitBytes: number,
    private readonly over: () => never,
  ) {}

  /** Refuses, before it is made, an allocation the budget cannot take. */
  private readonly reserve = (bytes: number): void => {
    if (Number.isFinite(bytes) && this.bytes + bytes > this.limitBytes) this.over();
  };

  private readonly charge = (holder: object, bytes: number): void => {
    if (bytes <= 0) return;
    this.bytes += bytes;
    this.released.register(holder, bytes);
    if (this.bytes > this.limitBytes) this.over();
  };

  /** The counted constructors, by the global name each stands in for. */
  constructors(): Record<CountedName, unknown> {
    const { reserve, charge } = this;
    const NativeArrayBuffer = globalThis.ArrayBuffer;
    class ArrayBuffer extends NativeArrayBuffer {
      // The options of a resizable buffer pass through as they came.
      constructor(...args: [length: number]) {
        reserve(Number(args[0]));
        super(...args);
        charge(this, this.byteLength);
      }
    }
    const counted: Record<string, unknown> = { ArrayBuffer };
    for (const name of TYPED_ARRAY_NAMES) {
      const Native = (globalThis as unknown as Record<string, TypedArrayConstructor | undefined>)[name];
      if (!Native) continue;
      const bytesPerElement = Native.BYTES_PER_ELEMENT;
      const Counted = class extends Native {
        constructor(...args: unknown[]) {
          const [first] = args;
          if (typeof first === 'number') reserve(first * bytesPerElement);
          super(...args);
          if (makesBuffer(first)) charge(this, this.byteLength);
        }
      };
      // The program sees `Float64Array`, in stack traces and in what it prints.
      Object.defineProperty(Counted, 'name', { value: name });
      counted[name] = Counted;
    }
    return counted as Record<CountedName, unknown>;
  }
}
