import type { UIStringKey } from '../../../i18n/zh-CN';
import type { Strings } from '../strings';

/** ✔ / ✘ label in front of an option's feedback. */
export function Mark({ ok, s, right, wrong }: { ok: boolean; s: Strings; right: UIStringKey; wrong: UIStringKey }) {
  return <strong class={ok ? 'qz-ok' : 'qz-bad'}>{ok ? s[right] : s[wrong]}</strong>;
}
