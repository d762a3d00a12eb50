/**
 * Share cards on the author's view of a shared success (ADR 0035, SHARE-CARD-*): make a card with a live preview,
 * the identifying-details flags and consent; then its public link, "Copy link", plain share links, and
 * Unpublish / Publish again / Delete.
 */
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  CARD_ALT_MAX,
  CARD_IMAGE_MAX_BYTES,
  CARD_IMAGE_TYPES,
  CARD_LINK_MAX,
  CARD_TEXT_MAX,
  CARD_TITLE_MAX,
} from '#contracts/api-sharing';
import type { CheckShareCard, MyShareCard } from '#contracts/share-cards';
import { useDescribeError } from '../api/describeError';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FieldNotes, useField } from '../ui/fieldErrors';
import { Icon } from '../ui/Icon';
import { ConsentBox } from './ConsentBox';
import { FlagList } from './FlagList';
import { useCurrentNetwork } from '../shell/space';
import { Notice } from '../ui/Notice';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useCopy } from '../ui/useCopy';
import { CardView } from './SharedCopyPage';
import { useSharingT, type SharingT } from './i18n';
import {
  useCardFlags,
  useCreateShareCard,
  useDeleteShareCard,
  usePublishShareCard,
  useShareCards,
} from './queries';

const CHECK_AFTER_MS = 400;
const FIELDS = ['title', 'text', 'link', 'image.data', 'image.alt', 'consent'];

/** Plain share links (no script of theirs on our pages): each platform's intent address with the card's page. */
function platformLinks(card: MyShareCard): { platform: string; href: string }[] {
  const url = encodeURIComponent(card.pageUrl);
  const text = encodeURIComponent(card.title);
  return [
    { platform: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}` },
    { platform: 'Bluesky', href: `https://bsky.app/intent/compose?text=${text}%20${url}` },
    { platform: 'X', href: `https://x.com/intent/post?text=${text}&url=${url}` },
    { platform: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
  ];
}

export function ShareCardPanel({ shareId }: { shareId: string }) {
  const t = useSharingT();
  const cards = useShareCards(shareId);
  const [making, setMaking] = useState(false);
  // Not the author (or the copy is gone): the panel is not theirs, and says nothing.
  if (cards.isError) return null;
  return (
    <section className="panel stack" aria-labelledby="share-cards-heading">
      <h2 id="share-cards-heading" className="section__title">
        {t('cards.heading')}
      </h2>
      <p>{t('cards.intro')}</p>
      {cards.data && cards.data.items.length > 0 ? (
        <ul className="share-cards__list">
          {cards.data.items.map((card) => (
            <li key={card.id}>
              <CardItem card={card} shareId={shareId} t={t} />
            </li>
          ))}
        </ul>
      ) : null}
      {cards.data && making ? (
        <CardForm shareId={shareId} prefill={cards.data.prefill} onDone={() => setMaking(false)} t={t} />
      ) : (
        <div>
          <Button variant="primary" isDisabled={!cards.data} onPress={() => setMaking(true)}>
            {t('cards.make')}
          </Button>
        </div>
      )}
    </section>
  );
}

function CardItem({ card, shareId, t }: { card: MyShareCard; shareId: string; t: SharingT }) {
  const toast = useToast();
  const describe = useDescribeError();
  const copy = useCopy();
  const publish = usePublishShareCard(shareId);
  const remove = useDeleteShareCard(shareId);
  const linkId = useId();
  return (
    <div className="stack" role="group" aria-label={t('cards.cardLabel', { title: card.title })}>
      <CardView card={card} testId="share-card" />
      <p data-testid="share-card-status">
        <Icon name={card.published ? 'check' : 'alert'} className="icon" />{' '}
        <strong>{card.published ? t('cards.published') : t('cards.notPublished')}</strong>
      </p>
      {card.published ? (
        <>
          <p>
            <span id={linkId}>{t('cards.publicLink')}: </span>
            <a
              className="share-cards__link"
              href={card.pageUrl}
              aria-describedby={linkId}
              data-testid="share-card-link"
            >
              {card.pageUrl}
            </a>
          </p>
          <div className="share-actions">
            <Button
              onPress={() =>
                void copy(card.pageUrl, { copied: t('cards.copied'), failed: t('cards.copyFailed') })
              }
            >
              {t('cards.copyLink')}
            </Button>
          </div>
          <ul className="share-cards__platforms">
            {platformLinks(card).map(({ platform, href }) => (
              <li key={platform}>
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {t('cards.shareOn', { platform })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {publish.error || remove.error ? (
        <Notice tone="error" role="alert">
          <p>{describe(publish.error ?? remove.error)}</p>
        </Notice>
      ) : null}
      <div className="share-actions">
        <Button
          isPending={publish.isPending}
          onPress={() =>
            publish.mutate(
              { cardId: card.id, published: !card.published },
              {
                onSuccess: () =>
                  toast(card.published ? t('cards.unpublishedToast') : t('cards.republishedToast')),
              },
            )
          }
        >
          {card.published ? t('cards.unpublish') : t('cards.publishAgain')}
        </Button>
        <ConfirmDialog
          trigger={t('cards.delete')}
          triggerVariant="danger"
          title={t('cards.deleteTitle')}
          body={<p>{t('cards.deleteBody')}</p>}
          confirmLabel={t('cards.delete')}
          onConfirm={async () => {
            await remove.mutateAsync(card.id);
            toast(t('cards.deletedToast'));
          }}
        />
      </div>
    </div>
  );
}

interface Picked {
  /** A `data:` URL for the preview (the CSP allows `img-src data:`). */
  url: string;
  /** The base64 part, sent to the server, which sniffs the type from the bytes. */
  data: string;
}

function CardForm({
  shareId,
  prefill,
  onDone,
  t,
}: {
  shareId: string;
  prefill: { title: string; text: string };
  onDone: () => void;
  t: SharingT;
}) {
  const toast = useToast();
  const create = useCreateShareCard(shareId);
  const [title, setTitle] = useState(prefill.title);
  const [text, setText] = useState(prefill.text);
  const [link, setLink] = useState('');
  const [image, setImage] = useState<Picked | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [alt, setAlt] = useState('');
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // SHARE-CARD-5: the flags follow the texts, checked once typing pauses.
  const current = useMemo<CheckShareCard>(
    () => ({ title, text, imageAlt: image ? alt : null }),
    [title, text, image, alt],
  );
  const [checked, setChecked] = useState<CheckShareCard>(current);
  useEffect(() => {
    if (current === checked) return;
    const timer = setTimeout(() => setChecked(current), CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [current, checked]);
  const flags = useCardFlags(shareId, checked);
  const checking = current !== checked || flags.isFetching;
  const inNetwork = useCurrentNetwork() !== null;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setImageError(null);
    if (!file) {
      setImage(null);
      return;
    }
    const wrongType = !CARD_IMAGE_TYPES.some((type) => type === file.type);
    if (wrongType || file.size > CARD_IMAGE_MAX_BYTES) {
      setImage(null);
      setImageError(wrongType ? t('cards.imageWrongType') : t('cards.imageTooLarge'));
      event.target.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      setImage({ url, data: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  };

  const submit = () => {
    if (!consent) {
      setConsentError(t('cards.consent'));
      consentRef.current?.focus();
      return;
    }
    create.mutate(
      {
        title,
        text,
        link: link.trim() === '' ? null : link.trim(),
        image: image ? { data: image.data, alt } : null,
        consent,
      },
      {
        onSuccess: () => {
          toast(t('cards.madeToast'));
          onDone();
        },
      },
    );
  };

  return (
    <div className="stack share-cards__form">
      <h3>{t('cards.formHeading')}</h3>
      <section className="stack" aria-labelledby="card-preview-heading">
        <h4 id="card-preview-heading">{t('cards.previewHeading')}</h4>
        <CardView
          card={{
            title,
            text,
            link: link.trim() || null,
            image: image ? { url: image.url, alt } : null,
          }}
          heading="h4"
          testId="share-card-preview"
        />
      </section>
      <FlagList
        flags={flags.data ?? []}
        checking={checking}
        inNetwork={inNetwork}
        fieldLabel={(field) => cardFieldLabel(t, field)}
        heading={t('cards.flagsHeading')}
        level="sub"
        ids={{ heading: 'card-flags-heading', section: 'share-card-review', list: 'share-card-flags' }}
        t={t}
      />
      <ApiForm fieldNames={FIELDS} error={create.error} onValues={submit} isPending={create.isPending}>
        <TextField
          label={t('cards.title')}
          name="title"
          value={title}
          maxLength={CARD_TITLE_MAX}
          onChange={setTitle}
        />
        <TextAreaField
          label={t('cards.text')}
          name="text"
          value={text}
          maxLength={CARD_TEXT_MAX}
          rows={4}
          onChange={setText}
        />
        <TextField
          label={t('cards.link')}
          description={t('cards.linkHint')}
          name="link"
          type="url"
          inputMode="url"
          value={link}
          maxLength={CARD_LINK_MAX}
          onChange={setLink}
        />
        <ImageField inputRef={fileRef} error={imageError} onChange={pick} t={t} />
        {image ? (
          <>
            <TextField
              label={t('cards.imageAlt')}
              description={t('cards.imageAltHint')}
              name="image.alt"
              value={alt}
              maxLength={CARD_ALT_MAX}
              onChange={setAlt}
            />
            <div>
              <Button
                onPress={() => {
                  setImage(null);
                  if (fileRef.current) fileRef.current.value = '';
                }}
              >
                {t('cards.removeImage')}
              </Button>
            </div>
          </>
        ) : null}
        <ConsentBox
          name="consent"
          checked={consent}
          error={consentError}
          inputRef={consentRef}
          onChange={(v) => {
            setConsent(v);
            if (v) setConsentError(null);
          }}
          label={t('cards.consent')}
        />
        <div className="share-actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('cards.publish')}
          </Button>
          <Button onPress={onDone}>{t('cards.cancel')}</Button>
        </div>
      </ApiForm>
    </div>
  );
}

function ImageField({
  inputRef,
  error,
  onChange,
  t,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  error: string | null;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  t: SharingT;
}) {
  const field = useField({ name: 'image.data', hasHint: true, errorMessage: error ?? undefined });
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
        {t('cards.image')}
      </label>
      <FieldNotes field={field} description={t('cards.imageHint')} />
      <input
        ref={inputRef}
        {...field.controlProps}
        type="file"
        name="image.data"
        className="share-cards__file"
        accept={CARD_IMAGE_TYPES.join(',')}
        onChange={onChange}
      />
    </div>
  );
}

function cardFieldLabel(t: SharingT, field: string): string {
  if (field === 'title') return t('cards.title');
  if (field === 'text') return t('cards.text');
  return t('cards.imageAlt');
}
