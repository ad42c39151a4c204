/**
 * IME composition tracking for a text input. Preact (without compat) registers
 * `onCompositionEnd` as a "CompositionEnd" listener, which never fires, so the listeners are
 * attached here. While composing, `composing.current` is true; at the end `onEnd(value)` runs.
 */
import { useEffect, useRef, type MutableRef } from 'preact/hooks';

export function useComposition(input: MutableRef<HTMLInputElement | null>, onEnd: (value: string) => void): MutableRef<boolean> {
  const composing = useRef(false);
  const end = useRef(onEnd);
  end.current = onEnd;
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const start = () => (composing.current = true);
    const stop = () => {
      composing.current = false;
      end.current(el.value);
    };
    el.addEventListener('compositionstart', start);
    el.addEventListener('compositionend', stop);
    return () => {
      el.removeEventListener('compositionstart', start);
      el.removeEventListener('compositionend', stop);
    };
  }, []);
  return composing;
}
