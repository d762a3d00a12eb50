import { Icon } from './Icon';

/** A problem with the whole form (not one field). role="alert" so it is announced when it appears. */
export function FormAlert({ messages }: { messages: readonly string[] }) {
  return (
    <div role="alert" className="notice notice--error">
      <Icon name="alert" className="icon notice__icon" />
      <div>
        {messages.map((message, index) => (
          <p key={index}>{message}</p>
        ))}
      </div>
    </div>
  );
}
