import { Route, Switch } from 'wouter';
import { AnswerPage, LinkAnswerPage } from './AnswerPage';
import { ComparePage } from './ComparePage';
import { NewSurveyPage } from './NewSurveyPage';
import { ResultsPage } from './ResultsPage';
import { SurveysPage } from './SurveysPage';

export function SurveyRoutes() {
  return (
    <Switch>
      <Route path="/surveys" component={SurveysPage} />
      <Route path="/surveys/new" component={NewSurveyPage} />
      <Route path="/surveys/compare" component={ComparePage} />
      <Route path="/surveys/:waveId/answer" component={AnswerPage} />
      <Route path="/surveys/:waveId/results" component={ResultsPage} />
      <Route path="/s/:token" component={LinkAnswerPage} />
    </Switch>
  );
}
