import { Link } from 'wouter';
import { Notice } from '../ui/Notice';
import { useNextStepsT } from './i18n';
import { useNextStepsReminder } from './queries';

/** NEXT-REMIND-1: on the home page, when I have next steps overdue or due within 7 days; nothing otherwise. */
export function ReminderBanner() {
  const t = useNextStepsT();
  const reminder = useNextStepsReminder();
  const count = (reminder.data?.overdue ?? 0) + (reminder.data?.dueSoon ?? 0);
  if (count === 0) return null;
  return (
    <Notice tone="info">
      <p>
        {t('banner.text', { count })} <Link to="/next-steps">{t('banner.link')}</Link>
      </p>
    </Notice>
  );
}
