import { useId } from 'react';
import type { SharedCopy } from '#contracts/sharing';
import { useDescribeError } from '../api/describeError';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { useSharingT } from './i18n';
import { useHelped } from './queries';

/**
 * SHARE-HELPED-WEB-1: "This helped me", a toggle button (`aria-pressed`, a check mark and a filled look when
 * pressed, so not by colour alone), with how many it helped in words beside it; never who, never a rank.
 */
export function HelpedToggle({ copy }: { copy: SharedCopy }) {
  const t = useSharingT();
  const describe = useDescribeError();
  const countId = useId();
  const helped = useHelped(copy.id);
  const { count, byMe } = copy.helped;
  const countText = t('helped.count', { count });
  return (
    <div className="helped">
      <Button
        className="helped__button"
        aria-pressed={byMe}
        aria-describedby={countId}
        isPending={helped.isPending}
        onPress={() =>
          helped.mutate(!byMe, {
            onSuccess: (marks) => {
              const words = t('helped.count', { count: marks.count });
              announce(t(marks.byMe ? 'helped.marked' : 'helped.unmarked', { count: words }));
            },
          })
        }
      >
        {byMe ? <Icon name="check" className="icon" /> : null}
        {t('helped.button')}
      </Button>
      <span id={countId} className="helped__count" data-testid="helped-count">
        {countText}
      </span>
      {helped.error ? (
        <span role="alert" className="helped__error">
          {describe(helped.error)}
        </span>
      ) : null}
    </div>
  );
}
