import { ToggleSwitch } from '../ui/ToggleSwitch';
import { useNextStepsT } from './i18n';
import { useDigest, useSetDigest } from './queries';

/** DIGEST-OPT-1: the weekly email digest, off until the person turns it on. */
export function DigestSwitch() {
  const t = useNextStepsT();
  const digest = useDigest();
  const set = useSetDigest();
  if (!digest.data) return null;
  return (
    <section className="section panel" aria-label={t('digest.label')}>
      <ToggleSwitch
        label={t('digest.label')}
        description={t('digest.hint')}
        isSelected={digest.data.weekly}
        isDisabled={set.isPending}
        onChange={(weekly) => set.mutate(weekly)}
      />
      <p role="status" className="visually-hidden">
        {digest.data.weekly ? t('digest.on') : t('digest.off')}
      </p>
    </section>
  );
}
