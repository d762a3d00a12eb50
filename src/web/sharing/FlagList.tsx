/**
 * SHARE-REVIEW-2: every flag of the identifying-details review in words, so nothing rests on a highlight's colour;
 * for a copy under review (its own panel) and for a share card (a part of the card's form, SHARE-CARD-5). In a
 * network the known names are its members' (SHARE-NET-3).
 */
import type { ShareFlag } from '#contracts/sharing';
import { Icon } from '../ui/Icon';
import type { SharingT } from './i18n';

export function FlagList({
  flags,
  checking,
  inNetwork,
  fieldLabel,
  heading,
  level = 'panel',
  ids = { heading: 'share-flags-heading', list: 'share-flags' },
  t,
}: {
  flags: readonly ShareFlag[];
  checking: boolean;
  inNetwork: boolean;
  /** The words for a flag's field. */
  fieldLabel: (field: string) => string;
  heading?: string;
  /** `panel`: a panel of the page (h2); `sub`: a part of a form (h4). */
  level?: 'panel' | 'sub';
  ids?: { heading: string; list: string; section?: string };
  t: SharingT;
}) {
  const Heading = level === 'panel' ? 'h2' : 'h4';
  return (
    <section
      className={level === 'panel' ? 'panel stack share-flags' : 'stack share-flags'}
      aria-labelledby={ids.heading}
      {...(ids.section ? { 'data-testid': ids.section } : {})}
    >
      <Heading id={ids.heading} {...(level === 'panel' ? { className: 'section__title' } : {})}>
        <Icon name="alert" className="icon" /> {heading ?? t('review.flagsHeading')}
      </Heading>
      <p className="muted" role="status">
        {checking ? t('review.flagsChecking') : flags.length === 0 ? t('review.flagsNone') : ''}
      </p>
      {flags.length > 0 ? (
        <ul className="share-flags__list" data-testid={ids.list}>
          {flags.map((f) => (
            <li key={`${f.field}-${f.start}`}>
              {t('review.flag', {
                text: f.text,
                reason:
                  inNetwork && f.reason === 'known-name'
                    ? t('review.networkKnownName')
                    : t(`review.reasons.${f.reason}`),
                field: fieldLabel(f.field),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
