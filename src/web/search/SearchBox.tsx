import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useNavigate } from '../shell/navigation';
import { Icon } from '../ui/Icon';

/**
 * SEARCH-WEB-2: the search box of the header, on every page for a signed-in person. It opens /search with the
 * words; the page does the rest. Its strings are the default namespace's (`app.search`), so the shell does not
 * load the search page's strings.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const words = q.trim();
    navigate(words ? `/search?${new URLSearchParams({ q: words }).toString()}` : '/search');
    setQ('');
  };
  return (
    <>
      {/* On a phone the box would take a line of its own above every page (the meeting's first screen among
          them): there the header shows a search link beside the name instead (DAY-DEVICE-2). */}
      <Link to="/search" className="site-search-link" aria-label={t('app.search.label')}>
        <Icon name="search" />
      </Link>
      <form role="search" className="site-search" aria-label={t('app.search.label')} onSubmit={submit}>
        <label htmlFor="site-search-q" className="visually-hidden">
          {t('app.search.label')}
        </label>
        <input
          id="site-search-q"
          name="q"
          type="search"
          className="site-search__input"
          value={q}
          maxLength={200}
          onChange={(event) => setQ(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('app.search.submit')}
        </button>
      </form>
    </>
  );
}
