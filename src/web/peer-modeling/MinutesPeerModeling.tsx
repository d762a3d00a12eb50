import type { MinutesPart } from '#contracts/minutes';
import { usePeerModelingT } from './i18n';
import { PlanSummary } from './PlanSummary';
import './peer-modeling.css';

type NameOf = (userId: string | null | undefined) => string;

/**
 * PM-MIN-1, PM-MIN-2: a Peer Modeling part's plan and the visit notes shared into it, in the minutes page
 * (an <h2> section for a one-routine meeting, an <h3> block inside a part's section otherwise).
 */
export function MinutesPeerModeling({
  part,
  level,
  nameOf,
}: {
  part: MinutesPart;
  level: 2 | 3;
  nameOf: NameOf;
}) {
  const t = usePeerModelingT();
  const { plan, observations } = part;
  if (!plan && observations.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingClass = level === 2 ? 'section__title' : 'subsection__title';
  const Wrap = level === 2 ? 'section' : 'div';
  const invited = (id: string | null) =>
    id && plan?.modelInvited && plan.modelId === id ? ` ${t('minutes.invitedSuffix')}` : '';
  return (
    <>
      {plan ? (
        <Wrap
          className={level === 2 ? 'section minutes__section' : 'minutes__block'}
          aria-labelledby={`minutes-plan-${part.index}`}
        >
          <Heading id={`minutes-plan-${part.index}`} className={headingClass}>
            {t('minutes.plan')}
          </Heading>
          <PlanSummary
            plan={{
              ...plan,
              modelName: plan.modelId ? `${nameOf(plan.modelId)}${invited(plan.modelId)}` : null,
            }}
          />
        </Wrap>
      ) : null}
      {observations.length ? (
        <Wrap
          className={level === 2 ? 'section minutes__section' : 'minutes__block'}
          aria-labelledby={`minutes-observations-${part.index}`}
        >
          <Heading id={`minutes-observations-${part.index}`} className={headingClass}>
            {t('minutes.observations')}
          </Heading>
          <ul className="observations" data-testid="minutes-observations">
            {observations.map((o) => (
              <li key={o.observationId}>
                <p className="observations__author">{nameOf(o.authorId)}</p>
                <p className="observations__text">{o.text}</p>
              </li>
            ))}
          </ul>
        </Wrap>
      ) : null}
    </>
  );
}
