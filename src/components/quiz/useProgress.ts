/** Subscribes a component to the progress store (after hydration only). */
import { useEffect, useState } from 'preact/hooks';
import { getProgressStore, type StoreStatus } from '../../lib/progress/store';
import type { ProgressData } from '../../lib/progress/schema';

export function useProgress(): { data: ProgressData | null; status: StoreStatus | null } {
  const [state, setState] = useState<{ data: ProgressData | null; status: StoreStatus | null }>({ data: null, status: null });
  useEffect(() => getProgressStore().subscribe((data, status) => setState({ data, status: { ...status } })), []);
  return state;
}
