/** MEASURE-WEB-4: the home page's banner and the surveys pages read and clear the same cached list. */
import { describe, expect, it } from 'vitest';
import { teamsStrings } from '../teams/strings.en';
import { MY_SURVEYS_KEY } from './SurveyBanner';
import { surveyKeys } from './queries';

describe('the survey banner', () => {
  it('MEASURE-WEB-4 uses the query key the surveys pages invalidate after an answer', () => {
    expect(MY_SURVEYS_KEY).toEqual(surveyKeys.mine);
    expect(teamsStrings.myTeams.surveyBanner.text_one).toMatch(/short survey is waiting for you/);
  });
});
