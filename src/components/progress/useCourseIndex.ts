/** The shared course index (src/client/course-index.ts) as component state: null while loading. */
import { useEffect, useState } from 'preact/hooks';
import { loadCourseIndex } from '../../client/course-index';
import type { CourseIndex } from '../../lib/progress/summary';

export function useCourseIndex(): { index: CourseIndex | null; failed: boolean } {
  const [state, setState] = useState<{ index: CourseIndex | null; failed: boolean }>({ index: null, failed: false });
  useEffect(() => {
    let live = true;
    loadCourseIndex().then(
      (index) => live && setState({ index, failed: false }),
      () => live && setState({ index: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
